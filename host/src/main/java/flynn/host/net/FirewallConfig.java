package flynn.host.net;

import flynn.host.runc.NetworkConfig;
import java.util.List;

/**
 * What the host firewall allows jobs: the nft table it owns ({@code inet <table>}), the job network
 * (bridge and subnet), the router's ports on the host ({@code --http-port}, {@code --https-port}),
 * the range of TCP route ports the router will listen on, and whether jobs may query a DNS server
 * on the host itself (only when their resolv.conf names the bridge gateway).
 */
public record FirewallConfig(
    String table,
    NetworkConfig network,
    List<Integer> routerPorts,
    PortRange tcpRoutePorts,
    boolean dnsOnHost) {
  public static final String DEFAULT_TABLE = "flynn";
  public static final PortRange DEFAULT_TCP_ROUTES = new PortRange(3000, 3500);

  public FirewallConfig {
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
      throw new IllegalArgumentException(
          "nft table name must be letters, digits and _ (at most 32): " + table);
    }
    routerPorts = List.copyOf(routerPorts);
    routerPorts.forEach(PortRange::requirePort);
  }

  /** The platform's table, the router's HTTP and HTTPS ports and the default TCP route range. */
  public static FirewallConfig defaults(
      NetworkConfig network, int httpPort, int httpsPort, boolean dnsOnHost) {
    return new FirewallConfig(
        DEFAULT_TABLE, network, List.of(httpPort, httpsPort), DEFAULT_TCP_ROUTES, dnsOnHost);
  }

  /** An inclusive range of TCP ports. */
  public record PortRange(int first, int last) {
    public PortRange {
      requirePort(first);
      requirePort(last);
      if (first > last) {
        throw new IllegalArgumentException("port range " + first + "-" + last + " is empty");
      }
    }

    static void requirePort(int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("not a TCP port: " + port);
      }
    }

    @Override
    public String toString() {
      return first == last ? Integer.toString(first) : first + "-" + last;
    }
  }
}
