package flynn.discoverd.dns;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Address;

/**
 * Where discoverd's DNS listens (UDP and TCP on one port) and where it forwards other names.
 *
 * @param bindHost an IP address, e.g. the job bridge's gateway {@code 100.100.0.1}
 * @param port 53 for jobs; 0 for any port free on both UDP and TCP
 * @param upstreams the resolvers other names go to, tried in order; none: those names fail
 * @param forwardTimeout how long each resolver may take to answer
 */
public record DnsConfig(
    String bindHost, int port, List<InetSocketAddress> upstreams, Duration forwardTimeout) {
  public static final int DNS_PORT = 53;
  public static final Duration DEFAULT_FORWARD_TIMEOUT = Duration.ofSeconds(2);

  public DnsConfig {
    if (bindHost == null || bindHost.isBlank()) {
      throw new IllegalArgumentException("the DNS bind address is required");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("DNS port out of range: " + port);
    }
    upstreams = List.copyOf(upstreams);
    if (forwardTimeout.isNegative() || forwardTimeout.isZero()) {
      throw new IllegalArgumentException("the DNS forward timeout must be positive");
    }
  }

  /** Port 53 on {@code bindHost}, forwarding to {@code nameservers} (IP literals, port 53). */
  public static DnsConfig forJobs(String bindHost, List<String> nameservers) {
    return new DnsConfig(bindHost, DNS_PORT, resolvers(nameservers), DEFAULT_FORWARD_TIMEOUT);
  }

  /** Resolv.conf-style nameservers (IP literals) as addresses on port 53. */
  public static List<InetSocketAddress> resolvers(List<String> nameservers) {
    List<InetSocketAddress> addrs = new ArrayList<>();
    for (String ns : nameservers) {
      try {
        addrs.add(new InetSocketAddress(Address.getByAddress(ns), DNS_PORT));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("a nameserver must be an IP address: " + ns, e);
      }
    }
    return addrs;
  }
}
