package flynn.controller.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.host.Port;
import flynn.api.host.ResourceSpec;
import flynn.api.http.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseRulesTest {

  private static ProcessType proc(
      List<String> args, List<String> entrypoint, List<String> cmd, List<Port> ports) {
    return new ProcessType(
        args, null, ports, null, null, null, null, null, null, null, cmd, entrypoint, null);
  }

  private static Release release(Map<String, ProcessType> processes) {
    return new Release(null, null, List.of("a1"), null, null, processes, null, null);
  }

  @Test
  void entrypointAndCmdBecomeArgs() {
    Release r =
        ReleaseRules.normalize(
            release(Map.of("web", proc(null, List.of("/bin/sh"), List.of("run"), null))));

    assertThat(r.processes().get("web").args()).containsExactly("/bin/sh", "run");
    assertThat(r.processes().get("web").deprecatedCmd()).isNull();
  }

  @Test
  void legacyArtifactBecomesTheArtifactList() {
    Release r = ReleaseRules.normalize(new Release(null, null, null, null, null, null, null, "a9"));

    assertThat(r.artifacts()).containsExactly("a9");
    assertThat(r.legacyArtifact()).isEqualTo("a9");
  }

  @Test
  void processWithoutArgsIsInvalidOnItsField() {
    assertThatThrownBy(
            () -> ReleaseRules.normalize(release(Map.of("web", proc(null, null, null, null)))))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error().field()).isEqualTo("processes.web.args"));
  }

  @Test
  void stopGraceIsKeptAndANegativeOneIsInvalidOnItsField() {
    ProcessType p = proc(List.of("x"), null, null, null);
    ProcessType patient =
        new ProcessType(
            p.args(), null, null, null, null, null, null, null, null, null, null, null, null, 30);
    ProcessType negative =
        new ProcessType(
            p.args(), null, null, null, null, null, null, null, null, null, null, null, null, -1);

    assertThat(
            ReleaseRules.normalize(release(Map.of("web", patient)))
                .processes()
                .get("web")
                .stopGrace())
        .isEqualTo(30);
    assertThatThrownBy(() -> ReleaseRules.normalize(release(Map.of("web", negative))))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error().field()).isEqualTo("processes.web.stop_grace"));
  }

  @Test
  void portProtocolMustBeTcpOrUdp() {
    ProcessType ok = proc(List.of("x"), null, null, List.of(new Port(80, "udp", null)));
    ProcessType bad = proc(List.of("x"), null, null, List.of(new Port(80, "http", null)));

    assertThat(ReleaseRules.normalize(release(Map.of("web", ok))).processes()).containsKey("web");
    assertThatThrownBy(() -> ReleaseRules.normalize(release(Map.of("web", bad))))
        .hasMessageContaining("tcp or udp");
  }

  @Test
  void resourcesGetFlynnsDefaultsAndKeepWhatIsGiven() {
    ProcessType web =
        proc(List.of("x"), null, null, null).withResources(Map.of("memory", ResourceSpec.of(256)));

    Map<String, ResourceSpec> r =
        ReleaseRules.normalize(release(Map.of("web", web))).processes().get("web").resources();

    assertThat(r)
        .containsEntry("memory", ResourceSpec.of(256))
        .containsEntry("cpu", ResourceSpec.of(1000))
        .containsEntry("max_fd", ResourceSpec.of(10_000))
        .containsEntry("temp_disk", ResourceSpec.of(100L << 20))
        .doesNotContainKey("max_procs");
  }

  @Test
  void unknownOrNonPositiveResourcesAreRefusedOnTheirField() {
    ProcessType unknown =
        proc(List.of("x"), null, null, null).withResources(Map.of("disk", ResourceSpec.of(1)));
    ProcessType zero =
        proc(List.of("x"), null, null, null).withResources(Map.of("cpu", ResourceSpec.of(0)));

    assertThatThrownBy(() -> ReleaseRules.normalize(release(Map.of("web", unknown))))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error().field()).isEqualTo("processes.web.resources"))
        .hasMessageContaining("unknown resource \"disk\"");
    assertThatThrownBy(() -> ReleaseRules.normalize(release(Map.of("web", zero))))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error().field()).isEqualTo("processes.web.resources.cpu"));
  }

  @Test
  void processTypeNamesAndEnvKeysAreChecked() {
    ProcessType ok = proc(List.of("x"), null, null, null);

    assertThatThrownBy(() -> ReleaseRules.normalize(release(Map.of("we b", ok))))
        .hasMessageContaining("we b");
    assertThatThrownBy(() ->
            ReleaseRules.normalize(
                new Release(null, null, List.of(), Map.of("", "v"), null, Map.of(), null, null)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error().field()).isEqualTo("env"));
  }
}
