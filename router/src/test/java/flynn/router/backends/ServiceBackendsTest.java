package flynn.router.backends;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceBackendsTest {
  private static final Instance A =
      Instance.of("http", "10.0.0.1:80", Map.of("FLYNN_APP_NAME", "demo", "FLYNN_JOB_ID", "j1"));
  private static final Instance B = Instance.of("http", "10.0.0.2:80", Map.of());

  @Test
  void upAddsDownRemovesAndLeaderIsTracked() {
    ServiceBackends s =
        ServiceBackends.none("demo-web")
            .apply(new ServiceEvent("demo-web", ServiceEvent.UP, A))
            .apply(new ServiceEvent("demo-web", ServiceEvent.UP, B))
            .apply(new ServiceEvent("demo-web", ServiceEvent.LEADER, A));

    assertThat(s.all())
        .extracting(Backend::addr)
        .containsExactlyInAnyOrder("10.0.0.1:80", "10.0.0.2:80");
    assertThat(s.leader()).isEqualTo(new Backend("demo-web", "10.0.0.1:80", "demo", "j1"));

    ServiceBackends afterDown = s.apply(new ServiceEvent("demo-web", ServiceEvent.DOWN, A));
    assertThat(afterDown.all()).extracting(Backend::addr).containsExactly("10.0.0.2:80");
    assertThat(afterDown.leader()).isNull();
  }

  @Test
  void backendAddressSplitsIntoHostAndPort() {
    Backend b = new Backend("s", "[::1]:8080", null, null);

    assertThat(b.host()).isEqualTo("::1");
    assertThat(b.port()).isEqualTo(8080);
  }
}
