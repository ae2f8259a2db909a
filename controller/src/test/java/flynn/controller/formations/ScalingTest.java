package flynn.controller.formations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.Formation;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.controller.ScaleRequest;
import flynn.api.http.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingTest {
  private static final ProcessType P = ProcessType.of(List.of("x"));
  private static final Release RELEASE =
      new Release("r", "a", List.of(), null, null, Map.of("web", P, "worker", P), null, null);

  @Test
  void requestedTypesChangeAndOthersKeepTheirCount() {
    Formation current =
        new Formation("a", "r", Map.of("web", 2, "worker", 1), Map.of(), null, null);

    Scaling.Plan plan = Scaling.plan("a", "r", current, Map.of("web", 5), null);

    assertThat(plan.processes()).containsOnly(Map.entry("web", 5), Map.entry("worker", 1));
    assertThat(plan.request().state()).isEqualTo(ScaleRequest.PENDING);
    assertThat(plan.request().oldProcesses())
        .containsOnly(Map.entry("web", 2), Map.entry("worker", 1));
    assertThat(plan.request().newProcesses()).containsExactly(Map.entry("web", 5));
  }

  @Test
  void tagsOnlyRequestKeepsProcessesAndReportsThemAsNew() {
    Formation current = new Formation("a", "r", Map.of("web", 2), null, null, null);

    Scaling.Plan plan = Scaling.plan("a", "r", current, null, Map.of("web", Map.of("disk", "ssd")));

    assertThat(plan.processes()).containsExactly(Map.entry("web", 2));
    assertThat(plan.request().newProcesses()).containsExactly(Map.entry("web", 2));
    assertThat(plan.tags()).containsKey("web");
  }

  @Test
  void firstScaleStartsFromNothing() {
    Scaling.Plan plan = Scaling.plan("a", "r", null, Map.of("web", 1), null);

    assertThat(plan.request().oldProcesses()).isEmpty();
    assertThat(plan.processes()).containsExactly(Map.entry("web", 1));
  }

  @Test
  void requestWithNeitherProcessesNorTagsIsInvalid() {
    assertThatThrownBy(() -> Scaling.plan("a", "r", null, null, null))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void unknownTypesAndNegativeCountsAreInvalid() {
    assertThatThrownBy(() -> Scaling.validateProcesses(RELEASE, Map.of("db", 1)))
        .hasMessageContaining("db");
    assertThatThrownBy(() -> Scaling.validateProcesses(RELEASE, Map.of("web", -1)))
        .hasMessageContaining("web");
  }

  @Test
  void deletingScalesEveryTypeToZero() {
    assertThat(Scaling.allZero(RELEASE)).containsOnly(Map.entry("web", 0), Map.entry("worker", 0));
  }
}
