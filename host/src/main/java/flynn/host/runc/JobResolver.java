package flynn.host.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DNS resolver jobs use, chosen once when the host starts. A job cannot reach the host's
 * loopback, so:
 *
 * <ol>
 *   <li>the host's own resolvers, when any is not on the loopback (the common case, and this
 *       machine's);
 *   <li>else the bridge gateway, if a DNS server on the host answers there (a caching resolver
 *       listening on every address); the firewall then lets jobs reach port 53 on the host;
 *   <li>else the upstream resolvers of the host's local one ({@code
 *       /run/systemd/resolve/resolv.conf} for systemd-resolved's 127.0.0.53).
 * </ol>
 *
 * <p>When flynn-host serves discoverd's DNS on the gateway, jobs get {@link #throughGateway}
 * instead, and the choice above becomes that server's upstream.
 *
 * @param resolvConf the job's resolv.conf text (empty when nothing fits: jobs then have no DNS)
 * @param onHost true when jobs query a server on the host through the gateway
 */
public record JobResolver(String resolvConf, boolean onHost) {
  private static final Logger LOG = LoggerFactory.getLogger(JobResolver.class);
  static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");
  static final Path UPSTREAM_RESOLV_CONF = Path.of("/run/systemd/resolve/resolv.conf");

  /** Something that says whether a DNS server answers at an address. */
  @FunctionalInterface
  interface Probe {
    boolean answers(String address);
  }

  /** The choice above as a function of the two files and the gateway probe. */
  static JobResolver choose(String host, String upstream, String gateway, Probe probe) {
    if (ResolvConf.hasReachableResolver(host)) {
      return new JobResolver(ResolvConf.forJob(host), false);
    }
    if (probe.answers(gateway)) {
      return new JobResolver(ResolvConf.withResolvers(host, List.of(gateway)), true);
    }
    return new JobResolver(ResolvConf.forJob(upstream), false);
  }

  /** Reads the host's files and probes the gateway only when the host's resolver is local. */
  public static JobResolver detect(NetworkConfig network) {
    JobResolver chosen =
        choose(
            readOrEmpty(HOST_RESOLV_CONF),
            readOrEmpty(UPSTREAM_RESOLV_CONF),
            network.gateway(),
            DnsProbe::answers);
    LOG.info(
        "nameservers={} on_host={} event=job-resolver-chosen",
        chosen.nameservers(),
        chosen.onHost());
    if (chosen.nameservers().isEmpty()) {
      LOG.warn("event=no-job-resolver reason=\"the host names no resolver jobs can reach\"");
    }
    return chosen;
  }

  /**
   * Jobs query a DNS server of the host on the bridge gateway, keeping this choice's search and
   * options lines.
   */
  public JobResolver throughGateway(String gateway) {
    return new JobResolver(ResolvConf.withResolvers(resolvConf, List.of(gateway)), true);
  }

  public List<String> nameservers() {
    return resolvConf
        .lines()
        .filter(line -> line.startsWith("nameserver"))
        .map(line -> line.split("\\s+")[1])
        .toList();
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      LOG.warn("file={} event=resolv-conf-unreadable error=\"{}\"", file, e.getMessage());
      return "";
    }
  }
}
