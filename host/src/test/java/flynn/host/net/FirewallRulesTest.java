package flynn.host.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.host.runc.NetworkConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallRulesTest {
  private static final NetworkConfig NETWORK = NetworkConfig.defaults();

  @Test
  void jobsReachOnlyTheRouterPortsOnTheHostAndLeaveThroughMasquerade() {
    String script = FirewallRules.script(FirewallConfig.defaults(NETWORK, 80, 443, false));

    assertThat(script)
        .isEqualTo(
            """
            table inet flynn
            delete table inet flynn
            table inet flynn {
              chain input {
                type filter hook input priority filter; policy accept;
                iifname "flynnbr0" jump from_jobs
              }
              chain from_jobs {
                ct state established,related accept
                tcp dport { 80, 443, 3000-3500 } accept
                drop
              }
              chain postrouting {
                type nat hook postrouting priority srcnat; policy accept;
                ip saddr 100.100.0.0/16 oifname != "flynnbr0" masquerade
              }
            }
            """);
  }

  @Test
  void dnsToTheHostIsAllowedOnlyWhenJobsUseTheHostsResolver() {
    String without = FirewallRules.script(FirewallConfig.defaults(NETWORK, 80, 443, false));
    String with = FirewallRules.script(FirewallConfig.defaults(NETWORK, 80, 443, true));

    assertThat(without).doesNotContain("dport 53");
    assertThat(with).contains("    udp dport 53 accept\n    tcp dport 53 accept\n    drop\n");
  }

  @Test
  void aRouterPortInsideTheRouteRangeIsListedOnce() {
    FirewallConfig config =
        new FirewallConfig(
            "flynn_it",
            new NetworkConfig("flynnit1", "100.126.7.1", 24),
            List.of(8443, 3100),
            new FirewallConfig.PortRange(3000, 3500),
            false);

    String script = FirewallRules.script(config);

    assertThat(script)
        .contains("tcp dport { 8443, 3000-3500 } accept")
        .contains("iifname \"flynnit1\" jump from_jobs")
        .contains("ip saddr 100.126.7.0/24 oifname != \"flynnit1\" masquerade")
        .startsWith("table inet flynn_it\ndelete table inet flynn_it\n");
  }

  @Test
  void tableNamesAndPortsAreCheckedBeforeTheyReachNft() {
    assertThatThrownBy(() ->
            new FirewallConfig(
                "flynn; flush ruleset",
                NETWORK,
                List.of(80),
                FirewallConfig.DEFAULT_TCP_ROUTES,
                false))
        .hasMessageContaining("nft table name");
    assertThatThrownBy(() -> FirewallConfig.defaults(NETWORK, 0, 443, false))
        .hasMessageContaining("not a TCP port: 0");
    assertThatThrownBy(() -> new FirewallConfig.PortRange(3500, 3000))
        .hasMessageContaining("empty");
  }
}
