package flynn.controller.deployments.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeployPlannerTest {
  private static final Set<String> WEB_WORKER = Set.of("web", "worker");

  /** A step as one short line: side, formation after it, what it waits for. */
  private static List<String> show(List<Step> steps) {
    return steps.stream()
        .map(s -> s.side() + " " + new TreeMap<>(s.processes()) + " " + s.await())
        .toList();
  }

  static Stream<Arguments> plans() {
    return Stream.of(
        Arguments.of(
            "all-at-once scales the new release up, then the old one to zero without waiting",
            "all-at-once",
            Progress.start(Map.of("web", 2, "worker", 1), WEB_WORKER),
            1,
            List.of("NEW {web=2, worker=1} UP", "OLD {web=0, worker=0} NONE")),
        Arguments.of(
            "one-by-one replaces one job at a time, type by type in name order",
            "one-by-one",
            Progress.start(Map.of("web", 2, "worker", 1), WEB_WORKER),
            1,
            List.of(
                "NEW {web=1} UP",
                "OLD {web=1, worker=1} DOWN",
                "NEW {web=2} UP",
                "OLD {web=0, worker=1} DOWN",
                "NEW {web=2, worker=1} UP",
                "OLD {web=0, worker=0} DOWN")),
        Arguments.of(
            "one-down-one-up stops an old job before starting its replacement",
            "one-down-one-up",
            Progress.start(Map.of("web", 2), Set.of("web")),
            1,
            List.of("OLD {web=1} DOWN", "NEW {web=1} UP", "OLD {web=0} DOWN", "NEW {web=2} UP")),
        Arguments.of(
            "in-batches moves batch-size jobs per step, the last batch smaller",
            "in-batches",
            Progress.start(Map.of("web", 5), Set.of("web")),
            2,
            List.of(
                "NEW {web=2} UP",
                "OLD {web=3} DOWN",
                "NEW {web=4} UP",
                "OLD {web=1} DOWN",
                "NEW {web=5} UP",
                "OLD {web=0} DOWN")),
        Arguments.of(
            "a type the new release no longer has only goes down",
            "one-by-one",
            Progress.start(Map.of("web", 1, "clock", 2), Set.of("web")),
            1,
            List.of(
                "OLD {clock=1, web=1} DOWN",
                "OLD {clock=0, web=1} DOWN",
                "NEW {web=1} UP",
                "OLD {clock=0, web=0} DOWN")),
        Arguments.of(
            "a type new in the release starts at zero",
            "all-at-once",
            Progress.start(Map.of("web", 1), Set.of("web", "worker")),
            1,
            List.of("NEW {web=1} UP", "OLD {web=0} NONE")),
        Arguments.of(
            "an empty strategy is all-at-once",
            "",
            Progress.start(Map.of("web", 1), Set.of("web")),
            1,
            List.of("NEW {web=1} UP", "OLD {web=0} NONE")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void plansTheStrategysSteps(
      String behaviour, String strategy, Progress p, int batch, List<String> expected) {
    assertThat(show(DeployPlanner.plan(strategy, p, batch))).isEqualTo(expected);
  }

  @Test
  void resumedDeploymentFirstWaitsForBothFormationsThenGoesOnFromWhereTheyAre() {
    Progress halfway =
        new Progress(Map.of("web", 3), Set.of("web"), Map.of("web", 2), Map.of("web", 2));

    assertThat(show(DeployPlanner.resume("one-by-one", halfway, 1)))
        .containsExactly(
            "NEW {web=2} UP",
            "OLD {web=2} DOWN",
            "NEW {web=3} UP",
            "OLD {web=1} DOWN",
            "OLD {web=0} DOWN");
  }

  @Test
  void finishedDeploymentHasNoRollingStepsLeft() {
    Progress done =
        new Progress(Map.of("web", 2), Set.of("web"), Map.of("web", 2), Map.of("web", 0));

    assertThat(DeployPlanner.plan("in-batches", done, 3)).isEmpty();
  }

  @Test
  void unknownStrategyIsRefused() {
    assertThatThrownBy(() -> DeployPlanner.plan("sirenia", Progress.start(Map.of(), Set.of()), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sirenia");
  }
}
