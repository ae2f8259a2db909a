package flynn.scheduler.plan;

import static flynn.scheduler.plan.Fixtures.DEMO;
import static flynn.scheduler.plan.Fixtures.NOW;
import static flynn.scheduler.plan.Fixtures.host;
import static flynn.scheduler.plan.Fixtures.job;
import static flynn.scheduler.plan.JobState.Status.DOWN;
import static flynn.scheduler.plan.JobState.Status.STOPPING;
import static flynn.scheduler.plan.JobState.Status.UP;
import static org.assertj.core.api.Assertions.assertThat;

import flynn.scheduler.plan.Plan.Blocked;
import flynn.scheduler.plan.Plan.StartJob;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Persistent volumes in the plan: reuse of free volumes, pinning to their host, waiting. */
class VolumeAssignmentTest {
  private static FormationState db(int count) {
    return new FormationState(
        DEMO,
        Map.of("web", count),
        Set.of(),
        Map.of(),
        Optional.empty(),
        Map.of("web", List.of("/data")));
  }

  private static VolumeState volume(String id, String hostId, String jobUuid) {
    return new VolumeState(id, hostId, DEMO.app(), "web", "/data", jobUuid, false);
  }

  private static Plan plan(
      FormationState f, List<HostState> hosts, List<JobState> jobs, List<VolumeState> volumes) {
    return Reconciler.plan(List.of(f), hosts, jobs, volumes, NOW);
  }

  @Test
  void aNewJobGetsTheFreeVolumeAndRunsOnItsHost() {
    Plan plan =
        plan(
            db(1),
            List.of(host("h1"), host("h2")),
            List.of(job("old", "h2", DOWN)),
            List.of(volume("v1", "h2", "old")));

    assertThat(plan.starts())
        .containsExactly(new StartJob(DEMO, "web", "h2", 0, NOW, null, Map.of("/data", "v1")));
  }

  @Test
  void aVolumeHeldByAStoppingJobIsNotGivenToAnotherWhichWaitsForIt() {
    Plan plan =
        plan(
            db(2),
            List.of(host("h1"), host("h2")),
            List.of(job("old", "h2", STOPPING), job("up", "h2", UP)),
            List.of(volume("v1", "h2", "old"), volume("v2", "h2", "up")));

    assertThat(plan.starts()).isEmpty();
    assertThat(plan.blocked()).containsExactly(new Blocked(DEMO, "web", 1));
  }

  @Test
  void whenEveryVolumeIsHeldByARunningJobAnExtraJobGetsANewOneElsewhere() {
    Plan plan =
        plan(
            db(2),
            List.of(host("h1"), host("h2")),
            List.of(job("up", "h2", UP)),
            List.of(volume("v2", "h2", "up")));

    assertThat(plan.starts())
        .singleElement()
        .satisfies(s -> {
          assertThat(s.volumes()).isEmpty();
          assertThat(s.hostId()).isEqualTo("h1");
        });
  }

  @Test
  void whenTheVolumesHostIsGoneTheJobWaitsInsteadOfStartingEmpty() {
    Plan plan =
        plan(
            db(1),
            List.of(host("h1")),
            List.of(job("old", "h2", UP)),
            List.of(volume("v1", "h2", "old")));

    assertThat(plan.lost()).extracting(JobState::uuid).containsExactly("old");
    assertThat(plan.starts()).isEmpty();
    assertThat(plan.blocked()).containsExactly(new Blocked(DEMO, "web", 1));
  }

  @Test
  void oneFreeVolumeGoesToOneJobAndTheNextGetsANewOne() {
    Plan plan =
        plan(db(2), List.of(host("h1"), host("h2")), List.of(), List.of(volume("v1", "h2", null)));

    assertThat(plan.starts())
        .extracting(StartJob::hostId, StartJob::volumes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("h2", Map.of("/data", "v1")),
            org.assertj.core.groups.Tuple.tuple("h1", Map.of()));
  }

  @Test
  void retiredVolumesAndVolumesOfAnotherTypeOrPathAreNotReused() {
    List<VolumeState> volumes =
        List.of(
            new VolumeState("v1", "h2", DEMO.app(), "web", "/data", null, true),
            new VolumeState("v2", "h2", DEMO.app(), "worker", "/data", null, false),
            new VolumeState("v3", "h2", DEMO.app(), "web", "/other", null, false),
            new VolumeState("v4", "h2", "another-app", "web", "/data", null, false));

    Plan plan = plan(db(1), List.of(host("h1"), host("h2")), List.of(), volumes);

    assertThat(plan.starts())
        .singleElement()
        .satisfies(s -> {
          assertThat(s.volumes()).isEmpty();
          assertThat(s.hostId()).isEqualTo("h1");
        });
  }

  @Test
  void aNewReleaseOfTheAppTakesTheVolumeTheOldReleasesJobLeft() {
    FormationState next =
        new FormationState(
            new FormationKey(DEMO.app(), "rel-2"),
            Map.of("web", 1),
            Set.of(),
            Map.of(),
            Optional.empty(),
            Map.of("web", List.of("/data")));

    Plan plan =
        Reconciler.plan(
            List.of(next, db(0)),
            List.of(host("h1"), host("h2")),
            List.of(job("old", "h2", DOWN)),
            List.of(volume("v1", "h2", "old")),
            NOW);

    assertThat(plan.starts())
        .extracting(StartJob::hostId, StartJob::volumes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("h2", Map.of("/data", "v1")));
  }

  @Test
  void aPinnedHostThatDoesNotMatchTheTypesTagsMakesTheJobWait() {
    var choice =
        VolumeAssignment.choose(
            DEMO.app(),
            "web",
            List.of("/data"),
            List.of(volume("v1", "h2", null)),
            Set.of(),
            Set.of(),
            Set.of("h1"));

    assertThat(choice).isEqualTo(new VolumeAssignment.Waiting("h2"));
  }

  @Test
  void aTypeWithoutVolumesIsPlacedAnywhere() {
    var choice =
        VolumeAssignment.choose(
            DEMO.app(),
            "web",
            List.of(),
            List.of(volume("v1", "h2", null)),
            Set.of(),
            Set.of(),
            Set.of("h1"));

    assertThat(choice).isEqualTo(new VolumeAssignment.Anywhere());
  }
}
