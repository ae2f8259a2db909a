package flynn.host.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.host.ContainerConfig;
import flynn.api.host.HostJob;
import flynn.api.host.Mountspec;
import flynn.api.http.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobValidationTest {
  private static HostJob job(String id, List<String> args) {
    ContainerConfig config =
        args == null
            ? null
            : new ContainerConfig(args, null, null, null, null, null, null, null, null, null);
    return new HostJob(id, null, null, null, config, null);
  }

  @Test
  void thePathGivesTheJobItsId() {
    assertThat(JobValidation.validated("j1", job(null, List.of("true"))).id()).isEqualTo("j1");
    assertThat(JobValidation.validated("j1", job("j1", List.of("true"))).id()).isEqualTo("j1");
  }

  @Test
  void aJobWithoutArgsIsRejectedNamingTheField() {
    for (HostJob bad : List.of(job("j1", List.of()), job("j1", null))) {
      assertThatThrownBy(() -> JobValidation.validated("j1", bad))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ApiException.VALIDATION_ERROR);
                assertThat(e.error().field()).isEqualTo("config.args");
              });
    }
  }

  @Test
  void aBodyIdThatContradictsThePathIsRejected() {
    assertThatThrownBy(() -> JobValidation.validated("j1", job("j2", List.of("true"))))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error().field()).isEqualTo("id"));
  }

  @Test
  void idsThatCouldEscapeTheJobsDirectoryAreRejected() {
    for (String id : List.of("..", "../etc", "a/b", "", "x y")) {
      assertThatThrownBy(() -> JobValidation.validated(id, job(null, List.of("true"))))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().field()).isEqualTo("id"));
    }
    assertThat(JobValidation.validated("host1-5b8e.web_1", job(null, List.of("true"))).id())
        .isEqualTo("host1-5b8e.web_1");
  }

  private static HostJob withLayers(Mountspec... layers) {
    HostJob j = job("j1", List.of("true"));
    return new HostJob(j.id(), null, null, null, j.config(), null, java.util.Arrays.asList(layers));
  }

  private static Mountspec stack(String name) {
    return new Mountspec(Mountspec.TYPE_STACK, name, null, null, null, null);
  }

  private static Mountspec slug() {
    return new Mountspec(
        Mountspec.TYPE_TAR, "s", "http://b/slug.tgz", 1L, Map.of("sha256", "a".repeat(64)), null);
  }

  @Test
  void aStackAtTheBottomWithASlugAboveIsAccepted() {
    assertThat(JobValidation.validated("j1", withLayers(stack("run"), slug())).mountspecs())
        .containsExactly(stack("run"), slug());
    assertThat(JobValidation.validated("j1", withLayers(stack("build"))).mountspecs()).hasSize(1);
  }

  @Test
  void aStackAboveALayerOrWithoutANameIsRejected() {
    for (HostJob bad : List.of(withLayers(slug(), stack("run")), withLayers(stack(" ")))) {
      assertThatThrownBy(() -> JobValidation.validated("j1", bad))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().field()).isEqualTo("mountspecs"));
    }
  }
}
