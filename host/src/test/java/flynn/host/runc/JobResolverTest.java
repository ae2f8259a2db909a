package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobResolverTest {
  @Test
  void throughTheGatewayJobsAskOnlyTheGatewayAndKeepSearchAndOptions() {
    JobResolver upstream =
        new JobResolver("nameserver 10.255.255.53\nsearch example\noptions edns0\n", false);

    JobResolver viaGateway = upstream.throughGateway("100.100.0.1");

    assertThat(viaGateway.nameservers()).containsExactly("100.100.0.1");
    assertThat(viaGateway.resolvConf())
        .isEqualTo("nameserver 100.100.0.1\nsearch example\noptions edns0\n");
    assertThat(viaGateway.onHost()).isTrue();
  }
}
