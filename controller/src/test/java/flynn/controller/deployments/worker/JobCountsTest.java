package flynn.controller.deployments.worker;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.controller.deployments.plan.Step;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobCountsTest {
  private final JobCounts counts = new JobCounts(Map.of("web", 2), Map.of("web", 3, "worker", 1));

  @Test
  void upStepWaitsUntilEveryTypeHasItsCountUp() {
    assertThat(counts.satisfies(new Step(Step.Side.NEW, Map.of("web", 2), Step.Wait.UP))).isTrue();
    assertThat(counts.unmet(new Step(Step.Side.NEW, Map.of("web", 3, "worker", 1), Step.Wait.UP)))
        .containsExactly("web: 2 of 3 up", "worker: 0 of 1 up");
  }

  @Test
  void downStepWaitsUntilNoMoreThanTheCountStillRuns() {
    assertThat(counts.satisfies(new Step(Step.Side.OLD, Map.of("web", 3), Step.Wait.DOWN)))
        .isTrue();
    assertThat(counts.unmet(new Step(Step.Side.OLD, Map.of("web", 1, "worker", 0), Step.Wait.DOWN)))
        .containsExactly("web: 3 running, want 1", "worker: 1 running, want 0");
  }

  @Test
  void stepWithoutWaitIsAlwaysDone() {
    assertThat(counts.satisfies(new Step(Step.Side.OLD, Map.of("web", 0), Step.Wait.NONE)))
        .isTrue();
  }
}
