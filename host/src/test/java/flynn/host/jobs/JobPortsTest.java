package flynn.host.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.host.Port;
import flynn.api.host.Service;
import flynn.api.http.ApiException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class JobPortsTest {
  private final AtomicInteger next = new AtomicInteger(40000);
  private final IntSupplier freePorts = next::getAndIncrement;

  @Test
  void portZeroGetsAFreePortAndFixedPortsStayInTheJobsOwnNetwork() {
    Service web = new Service("demo-web", null, null);
    List<Port> assigned =
        JobPorts.assign(
            List.of(new Port(0, "tcp", web), new Port(8080, "tcp", null), new Port(0, null, null)),
            false,
            freePorts);

    assertThat(assigned)
        .containsExactly(
            new Port(40000, "tcp", web), new Port(8080, "tcp", null), new Port(40001, "tcp", null));
  }

  @Test
  void everyPortIsAFreeOneOnTheHostsNetworkSoJobsDoNotCollide() {
    List<Port> first = JobPorts.assign(List.of(new Port(8080, "tcp", null)), true, freePorts);
    List<Port> second = JobPorts.assign(List.of(new Port(8080, "tcp", null)), true, freePorts);

    assertThat(first).containsExactly(new Port(40000, "tcp", null));
    assertThat(second).containsExactly(new Port(40001, "tcp", null));
  }

  @Test
  void noPortsMeansNone() {
    assertThat(JobPorts.assign(null, true, freePorts)).isEmpty();
  }

  @Test
  void unknownProtocolsAreRejectedWithTheField() {
    assertThatThrownBy(() -> JobPorts.assign(List.of(new Port(0, "sctp", null)), true, freePorts))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.error().field()).isEqualTo("config.ports[0].proto");
            });
  }

  @Test
  void envHasPortForTheFirstAndPortNForEach() {
    Map<String, String> env =
        JobPorts.env(
            Map.of("FLYNN_JOB_ID", "j1"),
            List.of(new Port(5001, "tcp", null), new Port(5002, "udp", null)));

    assertThat(env)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("FLYNN_JOB_ID", "j1", "PORT", "5001", "PORT_0", "5001", "PORT_1", "5002"));
  }

  @Test
  void envWithoutPortsIsTheJobsEnv() {
    assertThat(JobPorts.env(null, List.of())).isEmpty();
    assertThat(JobPorts.env(Map.of("A", "1"), List.of())).isEqualTo(Map.of("A", "1"));
  }

  @Test
  void theJobsEnvOverridesTheHostBase() {
    Map<String, String> env =
        JobPorts.processEnv(
            Map.of("PATH", "/usr/bin", "HOME", "/root"), Map.of("PATH", "/app/bin", "PORT", "1"));

    assertThat(env).isEqualTo(Map.of("PATH", "/app/bin", "HOME", "/root", "PORT", "1"));
  }
}
