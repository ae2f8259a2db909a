package flynn.api.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseRolloutTest {
  static final ProcessType P =
      new ProcessType(null, null, null, null, null, null, null, null, null, null, null, null, null);

  static Release release(String id, String... types) {
    Map<String, ProcessType> processes = new java.util.LinkedHashMap<>();
    for (String t : types) {
      processes.put(t, P);
    }
    return new Release(id, "app", null, null, null, processes, null, null);
  }

  @Test
  void newReleaseTakesOverTheOldCountsAndTheOldGoesToZero() {
    ReleaseRollout plan =
        ReleaseRollout.plan(
            "app",
            release("new", "web", "worker"),
            release("old", "web", "worker", "clock"),
            Map.of("web", 3, "worker", 0, "clock", 1));

    assertThat(plan.newProcesses()).containsExactlyEntriesOf(Map.of("web", 3));
    assertThat(plan.oldRelease()).isEqualTo("old");
    assertThat(plan.oldProcesses())
        .containsExactlyInAnyOrderEntriesOf(Map.of("web", 0, "clock", 0));
    assertThat(plan.scalesNew()).isTrue();
    assertThat(plan.stopsOld()).isTrue();
  }

  @Test
  void firstReleaseIsOnlyMadeCurrent() {
    ReleaseRollout plan = ReleaseRollout.plan("app", release("new", "web"), null, Map.of());

    assertThat(plan.scalesNew()).isFalse();
    assertThat(plan.stopsOld()).isFalse();
  }

  @Test
  void anUnscaledOldReleaseNeedsNoScaling() {
    ReleaseRollout plan =
        ReleaseRollout.plan("app", release("new", "web"), release("old", "web"), Map.of("web", 0));

    assertThat(plan.scalesNew()).isFalse();
    assertThat(plan.stopsOld()).isFalse();
    assertThat(plan.newRelease()).isEqualTo("new");
  }
}
