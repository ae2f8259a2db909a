package flynn.scheduler.plan;

import static flynn.scheduler.plan.Fixtures.DEMO;
import static flynn.scheduler.plan.Fixtures.NOW;
import static flynn.scheduler.plan.Fixtures.crashed;
import static flynn.scheduler.plan.Fixtures.formation;
import static flynn.scheduler.plan.Fixtures.host;
import static flynn.scheduler.plan.Fixtures.job;
import static flynn.scheduler.plan.Fixtures.notReady;
import static flynn.scheduler.plan.Fixtures.omni;
import static flynn.scheduler.plan.Fixtures.oneOff;
import static flynn.scheduler.plan.Fixtures.pendingUntil;
import static flynn.scheduler.plan.Fixtures.tagged;
import static flynn.scheduler.plan.Fixtures.typed;
import static flynn.scheduler.plan.Fixtures.withScaleRequest;
import static flynn.scheduler.plan.JobState.Status.DOWN;
import static flynn.scheduler.plan.JobState.Status.PENDING;
import static flynn.scheduler.plan.JobState.Status.STARTING;
import static flynn.scheduler.plan.JobState.Status.STOPPING;
import static flynn.scheduler.plan.JobState.Status.UP;
import static org.assertj.core.api.Assertions.assertThat;

import flynn.scheduler.plan.Plan.StartJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReconcilerTest {

  /** How many entries each bucket of the plan should hold. */
  record Counts(int starts, int stops, int lost, int launches, int scaleDone, int blocked) {
    static Counts of(Plan p) {
      return new Counts(
          p.starts().size(),
          p.stops().size(),
          p.lost().size(),
          p.launches().size(),
          p.scaleRequests().size(),
          p.blocked().stream().mapToInt(Plan.Blocked::missing).sum());
    }
  }

  record Case(
      String name,
      List<FormationState> formations,
      List<HostState> hosts,
      List<JobState> jobs,
      Counts expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    var h1 = List.of(host("h1"));
    var h1h2 = List.of(host("h1"), host("h2"));
    return Stream.of(
        new Case(
            "scale up from 0",
            List.of(formation(Map.of("web", 3))),
            h1,
            List.of(),
            new Counts(3, 0, 0, 0, 0, 0)),
        new Case(
            "converged formation needs nothing",
            List.of(formation(Map.of("web", 2))),
            h1,
            List.of(job("a", "h1", UP), job("b", "h1", STARTING)),
            new Counts(0, 0, 0, 0, 0, 0)),
        new Case(
            "scale down stops the surplus",
            List.of(formation(Map.of("web", 1))),
            h1,
            List.of(job("a", "h1", UP), job("b", "h1", UP), job("c", "h1", PENDING)),
            new Counts(0, 2, 0, 0, 0, 0)),
        new Case(
            "scale to zero stops all",
            List.of(formation(Map.of("web", 0))),
            h1,
            List.of(job("a", "h1", UP), job("b", "h1", UP)),
            new Counts(0, 2, 0, 0, 0, 0)),
        new Case(
            "type removed from formation stops its jobs",
            List.of(formation(Map.of("web", 1))),
            h1,
            List.of(typed("a", "web", UP), typed("b", "worker", UP)),
            new Counts(0, 1, 0, 0, 0, 0)),
        new Case(
            "formation gone stops its jobs",
            List.of(),
            h1,
            List.of(job("a", "h1", UP), job("b", "h1", STARTING)),
            new Counts(0, 2, 0, 0, 0, 0)),
        new Case(
            "one-off jobs are never stopped nor restarted",
            List.of(formation(Map.of("web", 0))),
            h1,
            List.of(oneOff("a", UP), oneOff("b", DOWN)),
            new Counts(0, 0, 0, 0, 0, 0)),
        new Case(
            "stopping jobs do not count",
            List.of(formation(Map.of("web", 1))),
            h1,
            List.of(job("a", "h1", STOPPING)),
            new Counts(1, 0, 0, 0, 0, 0)),
        new Case(
            "crashed job is replaced",
            List.of(formation(Map.of("web", 1))),
            h1,
            List.of(crashed("a", 0, Duration.ofSeconds(3))),
            new Counts(1, 0, 0, 0, 0, 0)),
        new Case(
            "host loss reschedules on another host",
            List.of(formation(Map.of("web", 1))),
            List.of(host("h2")),
            List.of(job("a", "h1", UP)),
            new Counts(1, 0, 1, 0, 0, 0)),
        new Case(
            "host loss with no other host blocks",
            List.of(formation(Map.of("web", 1))),
            List.of(),
            List.of(job("a", "h1", UP)),
            new Counts(0, 0, 1, 0, 0, 1)),
        new Case(
            "host that is not ready gets no jobs",
            List.of(formation(Map.of("web", 2))),
            List.of(notReady("h1")),
            List.of(),
            new Counts(0, 0, 0, 0, 0, 2)),
        new Case(
            "omni runs count times hosts",
            List.of(omni("web", 1)),
            h1h2,
            List.of(),
            new Counts(2, 0, 0, 0, 0, 0)),
        new Case(
            "omni shrinks with the hosts",
            List.of(omni("web", 1)),
            h1,
            List.of(job("a", "h1", UP), job("b", "h2", UP)),
            new Counts(0, 0, 1, 0, 0, 0)),
        new Case(
            "pending job is launched once due",
            List.of(formation(Map.of("web", 1))),
            h1,
            List.of(pendingUntil("a", NOW.minusSeconds(1))),
            new Counts(0, 0, 0, 1, 0, 0)),
        new Case(
            "pending job waits for its backoff",
            List.of(formation(Map.of("web", 1))),
            h1,
            List.of(pendingUntil("a", NOW.plusSeconds(9))),
            new Counts(0, 0, 0, 0, 0, 0)),
        new Case(
            "tags no host matches block",
            List.of(tagged("web", 1, Map.of("disk", "ssd"))),
            h1,
            List.of(),
            new Counts(0, 0, 0, 0, 0, 1)),
        new Case(
            "scale request completes when all are up",
            List.of(withScaleRequest(Map.of("web", 2), "sr1")),
            h1,
            List.of(job("a", "h1", UP), job("b", "h1", UP)),
            new Counts(0, 0, 0, 0, 1, 0)),
        new Case(
            "scale request waits for starting jobs",
            List.of(withScaleRequest(Map.of("web", 2), "sr1")),
            h1,
            List.of(job("a", "h1", UP), job("b", "h1", STARTING)),
            new Counts(0, 0, 0, 0, 0, 0)),
        new Case(
            "scale request waits for surplus to stop",
            List.of(withScaleRequest(Map.of("web", 1), "sr1")),
            h1,
            List.of(job("a", "h1", UP), job("b", "h1", STOPPING)),
            new Counts(0, 0, 0, 0, 0, 0)),
        new Case(
            "scale request to zero completes once all are down",
            List.of(withScaleRequest(Map.of("web", 0), "sr1")),
            h1,
            List.of(job("a", "h1", DOWN)),
            new Counts(0, 0, 0, 0, 1, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void planHasExpectedActions(Case c) {
    Plan plan = Reconciler.plan(c.formations(), c.hosts(), c.jobs(), NOW);

    assertThat(Counts.of(plan)).isEqualTo(c.expected());
  }

  @org.junit.jupiter.api.Test
  void scaleDownStopsPendingThenStartingThenNewest() {
    var jobs =
        List.of(
            job("old-up", "h1", UP, 300),
            job("new-up", "h1", UP, 10),
            job("starting", "h1", STARTING, 500),
            job("pending", "h1", PENDING, 900));

    Plan plan =
        Reconciler.plan(List.of(formation(Map.of("web", 1))), List.of(host("h1")), jobs, NOW);

    assertThat(plan.stops())
        .extracting(JobState::uuid)
        .containsExactly("pending", "starting", "new-up");
  }

  @org.junit.jupiter.api.Test
  void twoHostsSpreadEvenly() {
    Plan plan =
        Reconciler.plan(
            List.of(formation(Map.of("web", 4))), List.of(host("h2"), host("h1")), List.of(), NOW);

    assertThat(countByHost(plan.starts())).isEqualTo(Map.of("h1", 2L, "h2", 2L));
  }

  @org.junit.jupiter.api.Test
  void newJobsGoToTheHostWithFewestOfThatType() {
    var jobs = List.of(job("a", "h1", UP), job("b", "h1", UP), typed("w", "worker", UP));

    Plan plan =
        Reconciler.plan(
            List.of(formation(Map.of("web", 4, "worker", 1))),
            List.of(host("h1"), host("h2")),
            jobs,
            NOW);

    assertThat(plan.starts()).extracting(StartJob::hostId).containsExactly("h2", "h2");
  }

  @org.junit.jupiter.api.Test
  void omniPlacesOnePerHostEvenWhenSomeHostAlreadyRunsOne() {
    Plan plan =
        Reconciler.plan(
            List.of(omni("web", 1)),
            List.of(host("h1"), host("h2"), host("h3")),
            List.of(job("a", "h2", UP)),
            NOW);

    assertThat(plan.starts()).extracting(StartJob::hostId).containsExactly("h1", "h3");
  }

  @org.junit.jupiter.api.Test
  void lostJobIsReplacedOnAnotherHostAsARestart() {
    Plan plan =
        Reconciler.plan(
            List.of(formation(Map.of("web", 1))),
            List.of(host("h2")),
            List.of(job("a", "h1", UP)),
            NOW);

    assertThat(plan.lost()).extracting(JobState::uuid).containsExactly("a");
    assertThat(plan.starts()).containsExactly(new StartJob(DEMO, "web", "h2", 1, NOW, "a"));
  }

  @org.junit.jupiter.api.Test
  void crashedJobIsReplacedWithTheBackoffOfItsRestartCount() {
    Plan plan =
        Reconciler.plan(
            List.of(formation(Map.of("web", 1))),
            List.of(host("h1")),
            List.of(crashed("a", 7, Duration.ofSeconds(20))),
            NOW);

    assertThat(plan.starts())
        .containsExactly(new StartJob(DEMO, "web", "h1", 8, NOW.plusSeconds(10), "a"));
    assertThat(plan.launches()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void crashedJobsBeyondTheDesiredCountAreNotReplaced() {
    Plan plan =
        Reconciler.plan(
            List.of(formation(Map.of("web", 1))),
            List.of(host("h1")),
            List.of(job("up", "h1", UP), crashed("a", 0, Duration.ofSeconds(3))),
            NOW);

    assertThat(plan.starts()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void scaleRequestCompletionNamesTheRequest() {
    Plan plan =
        Reconciler.plan(
            List.of(withScaleRequest(Map.of("web", 1), "sr-9")),
            List.of(host("h1")),
            List.of(job("a", "h1", UP)),
            NOW);

    assertThat(plan.scaleRequests()).containsExactly(new Plan.ScaleDone(DEMO, "sr-9"));
  }

  private static Map<String, Long> countByHost(List<StartJob> starts) {
    return starts.stream().collect(Collectors.groupingBy(StartJob::hostId, Collectors.counting()));
  }
}
