package flynn.host.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns on IPv4 forwarding (jobs' traffic is routed out of the host) and puts back the value it
 * found. The value found is kept in a file under the state dir until it is restored, so a daemon
 * killed with forwarding on restores the value from before the crash, not its own.
 */
final class IpForwarding {
  private static final Logger LOG = LoggerFactory.getLogger(IpForwarding.class);
  static final Path SYSCTL = Path.of("/proc/sys/net/ipv4/ip_forward");

  private final Path sysctl;
  private final Path saved;

  IpForwarding(Path sysctl, Path saved) {
    this.sysctl = sysctl;
    this.saved = saved;
  }

  void enable() throws IOException {
    String current = read(sysctl);
    if (current.equals("1")) {
      LOG.info("sysctl=net.ipv4.ip_forward value=1 event=forwarding-already-on");
      return;
    }
    Files.createDirectories(saved.getParent());
    Files.writeString(saved, current + "\n");
    Files.writeString(sysctl, "1\n");
    LOG.info("sysctl=net.ipv4.ip_forward was={} value=1 event=forwarding-enabled", current);
  }

  /** Writes back the value {@link #enable} found, if it changed it (now or before a crash). */
  void restore() throws IOException {
    if (!Files.exists(saved)) {
      return;
    }
    String previous = read(saved);
    Files.writeString(sysctl, previous + "\n");
    Files.delete(saved);
    LOG.info("sysctl=net.ipv4.ip_forward value={} event=forwarding-restored", previous);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file).strip();
  }
}
