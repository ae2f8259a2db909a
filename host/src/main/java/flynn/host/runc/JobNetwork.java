package flynn.host.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each container its own network namespace ({@code /var/run/netns/flynn-<short>}) with a veth
 * pair: one end on the host bridge, the other as the namespace's {@code eth0} with the job's
 * address, a MAC derived from it, and a default route through the bridge.
 */
final class JobNetwork {
  private static final Logger LOG = LoggerFactory.getLogger(JobNetwork.class);

  private final NetworkConfig network;

  JobNetwork(NetworkConfig network) {
    this.network = network;
  }

  static String netnsPath(ContainerNames names) {
    return "/var/run/netns/" + names.netns();
  }

  /** Creates the bridge with the gateway address unless it exists. */
  synchronized void ensureBridge() throws IOException {
    if (Command.run(List.of(Tools.IP, "link", "show", "dev", network.bridge())).ok()) {
      return;
    }
    Command.check(
        List.of(Tools.IP, "-b", "-"),
        String.join(
            "\n",
            "link add " + network.bridge() + " type bridge",
            "addr add " + network.gatewayCidr() + " dev " + network.bridge(),
            "link set dev " + network.bridge() + " up",
            ""));
    LOG.info("bridge={} gateway={} event=bridge-created", network.bridge(), network.gatewayCidr());
  }

  void attach(ContainerNames names, String address) throws IOException {
    Command.check(
        List.of(Tools.IP, "-b", "-"),
        String.join(
            "\n",
            "netns add " + names.netns(),
            "link add "
                + names.hostVeth()
                + " type veth peer name "
                + names.peerVeth()
                + " netns "
                + names.netns(),
            "link set dev " + names.hostVeth() + " master " + network.bridge() + " up",
            ""));
    Command.check(
        List.of(Tools.IP, "-n", names.netns(), "-b", "-"),
        String.join(
            "\n",
            "link set dev " + names.peerVeth() + " name eth0",
            "link set dev eth0 address " + Ipv4.macFor(address),
            "addr add " + address + "/" + network.prefixLength() + " dev eth0",
            "link set dev eth0 up",
            "link set dev lo up",
            "route add default via " + network.gateway(),
            ""));
    LOG.info(
        "container={} ip={} netns={} event=network-attached",
        names.containerId(),
        address,
        names.netns());
  }

  /** Deletes the namespace (which takes the veth pair with it); true when it existed. */
  boolean detach(ContainerNames names) throws IOException {
    boolean existed = false;
    if (Files.exists(Path.of(netnsPath(names)))) {
      existed = Command.run(List.of(Tools.IP, "netns", "delete", names.netns())).ok();
    }
    // a veth whose namespace side never moved would outlive the namespace
    if (Files.exists(Path.of("/sys/class/net", names.hostVeth()))) {
      Command.check(List.of(Tools.IP, "link", "delete", "dev", names.hostVeth()));
      existed = true;
    }
    return existed;
  }
}
