package flynn.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.App;
import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.host.HealthCheck;
import flynn.api.host.HostJob;
import flynn.api.host.Port;
import flynn.api.host.ResourceSpec;
import flynn.api.host.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostJobFactoryTest {
  private static final String UUID = "0f8e2a4c-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

  @Test
  void buildsIdMetadataArgsAndEnvFromTheRelease() {
    HostJob job = HostJobFactory.build(formation(web(List.of(), null)), "web", "host1", UUID);

    assertThat(job.id()).isEqualTo("host1-" + UUID);
    assertThat(job.metadata())
        .containsEntry(HostJob.META_APP, "app-id")
        .containsEntry(HostJob.META_APP_NAME, "demo")
        .containsEntry(HostJob.META_RELEASE, "rel-id")
        .containsEntry(HostJob.META_TYPE, "web")
        .containsEntry("owner", "team-a");
    assertThat(job.config().args()).containsExactly("/runner/init", "start", "web");
    assertThat(job.config().env())
        .containsEntry("GREETING", "from-process")
        .containsEntry("DATABASE_URL", "postgres://db")
        .containsEntry("FLYNN_APP_ID", "app-id")
        .containsEntry("FLYNN_APP_NAME", "demo")
        .containsEntry("FLYNN_RELEASE_ID", "rel-id")
        .containsEntry("FLYNN_PROCESS_TYPE", "web")
        .containsEntry("FLYNN_JOB_ID", "host1-" + UUID);
    assertThat(job.partition()).isNull();
  }

  @Test
  void resourcesDefaultToFlynnsAndTheProcessTypeOverrides() {
    var process = web(List.of(), null);
    var limited =
        new ProcessType(
            process.args(),
            process.env(),
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of("memory", ResourceSpec.of(256L << 20)),
            null,
            null,
            null,
            null);

    HostJob job = HostJobFactory.build(formation(limited), "web", "h", UUID);

    assertThat(job.resources())
        .containsEntry("memory", ResourceSpec.of(256L << 20))
        .containsEntry("cpu", ResourceSpec.of(1000))
        .containsEntry("max_fd", ResourceSpec.of(10_000));
  }

  @Test
  void processServiceGoesOnTheFirstPortWithATcpCheck() {
    var process = web(List.of(new Port(0, null, null), new Port(0, "udp", null)), "demo-web");

    HostJob job = HostJobFactory.build(formation(process), "web", "h", UUID);

    assertThat(job.config().ports())
        .containsExactly(
            new Port(0, "tcp", new Service("demo-web", true, HealthCheck.tcp())),
            new Port(0, "udp", null));
  }

  @Test
  void aPortsOwnServiceWins() {
    var own = new Service("custom", true, null);
    var process = web(List.of(new Port(8080, "tcp", own)), "demo-web");

    HostJob job = HostJobFactory.build(formation(process), "web", "h", UUID);

    assertThat(job.config().ports()).containsExactly(new Port(8080, "tcp", own));
  }

  @Test
  void aServiceWithoutPortsGetsOneAssignedPort() {
    HostJob job = HostJobFactory.build(formation(web(null, "demo-web")), "web", "h", UUID);

    assertThat(job.config().ports())
        .containsExactly(new Port(0, "tcp", new Service("demo-web", true, HealthCheck.tcp())));
  }

  @Test
  void theProcessTypesStopGraceGoesToTheJobAndItsAbsenceLeavesTheHostsDefault() {
    var p = web(null, null);
    var patient =
        new ProcessType(
            p.args(), p.env(), null, null, null, null, null, null, null, null, null, null, null,
            30);

    assertThat(HostJobFactory.build(formation(patient), "web", "h", UUID).stopGrace())
        .isEqualTo(30);
    assertThat(HostJobFactory.build(formation(p), "web", "h", UUID).stopGrace()).isNull();
  }

  @Test
  void unknownProcessTypeIsRejected() {
    assertThatThrownBy(() -> HostJobFactory.build(formation(web(null, null)), "worker", "h", UUID))
        .hasMessageContaining("no process type worker");
  }

  private static ProcessType web(List<Port> ports, String service) {
    return new ProcessType(
        List.of("/runner/init", "start", "web"),
        Map.of("GREETING", "from-process"),
        ports,
        null,
        null,
        null,
        service,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static ExpandedFormation formation(ProcessType web) {
    var app = new App("app-id", "demo", Map.of("owner", "team-a"), null, null, null, null, null);
    var release =
        new Release(
            "rel-id",
            "app-id",
            List.of(),
            Map.of("GREETING", "from-release", "DATABASE_URL", "postgres://db"),
            Map.of(),
            Map.of("web", web),
            null,
            null);
    return new ExpandedFormation(app, release, List.of(), Map.of("web", 1), null, null, null, null);
  }
}
