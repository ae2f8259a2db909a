package flynn.host.net;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host's nftables rules for jobs, as an {@code nft -f} script: one {@code inet} table with
 *
 * <ul>
 *   <li>an input filter: traffic from the job bridge to the host itself is allow-listed (replies to
 *       the host's own connections, the router's ports, DNS when the host serves it) and the rest
 *       is dropped, so jobs cannot reach the controller, ZooKeeper, PostgreSQL, discoverd or the
 *       host API on any of the host's addresses;
 *   <li>a source NAT: job traffic leaving by any other interface is masqueraded, so jobs reach what
 *       the host reaches.
 * </ul>
 *
 * Jobs reach each other over the bridge, which these rules do not touch.
 */
public final class FirewallRules {
  private FirewallRules() {}

  /**
   * A script that replaces the table in one transaction: declaring it first makes the delete
   * succeed whether or not a crashed daemon left one behind.
   */
  public static String script(FirewallConfig config) {
    List<String> lines = new ArrayList<>();
    lines.add("table inet " + config.table());
    lines.add("delete table inet " + config.table());
    lines.add("table inet " + config.table() + " {");
    lines.addAll(indent(inputChain(config)));
    lines.addAll(indent(fromJobsChain(config)));
    lines.addAll(indent(natChain(config)));
    lines.add("}");
    return String.join("\n", lines) + "\n";
  }

  private static List<String> inputChain(FirewallConfig config) {
    return List.of(
        "chain input {",
        "  type filter hook input priority filter; policy accept;",
        "  iifname " + quoted(config.network().bridge()) + " jump from_jobs",
        "}");
  }

  private static List<String> fromJobsChain(FirewallConfig config) {
    List<String> chain = new ArrayList<>();
    chain.add("chain from_jobs {");
    chain.add("  ct state established,related accept");
    chain.add("  tcp dport { " + tcpPorts(config) + " } accept");
    if (config.dnsOnHost()) {
      chain.add("  udp dport 53 accept");
      chain.add("  tcp dport 53 accept");
    }
    chain.add("  drop");
    chain.add("}");
    return chain;
  }

  private static List<String> natChain(FirewallConfig config) {
    return List.of(
        "chain postrouting {",
        "  type nat hook postrouting priority srcnat; policy accept;",
        "  ip saddr "
            + config.network().subnetCidr()
            + " oifname != "
            + quoted(config.network().bridge())
            + " masquerade",
        "}");
  }

  /** The router's ports then the route range; a router port inside the range is listed once. */
  private static String tcpPorts(FirewallConfig config) {
    FirewallConfig.PortRange range = config.tcpRoutePorts();
    Set<String> ports = new LinkedHashSet<>();
    config.routerPorts().stream()
        .filter(port -> port < range.first() || port > range.last())
        .sorted()
        .forEach(port -> ports.add(Integer.toString(port)));
    ports.add(range.toString());
    return ports.stream().collect(Collectors.joining(", "));
  }

  private static String quoted(String name) {
    return "\"" + name + "\"";
  }

  private static List<String> indent(List<String> lines) {
    return lines.stream().map(line -> "  " + line).toList();
  }
}
