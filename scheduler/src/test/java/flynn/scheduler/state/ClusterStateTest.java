package flynn.scheduler.state;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.App;
import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.Job;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.controller.ScaleRequest;
import flynn.api.host.ActiveJob;
import flynn.api.host.HostEvent;
import flynn.api.host.HostJob;
import flynn.api.host.JobStatus;
import flynn.scheduler.jobs.TrackedJob;
import flynn.scheduler.plan.FormationKey;
import flynn.scheduler.plan.JobState;
import flynn.scheduler.plan.JobState.Status;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterStateTest {
  private static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");
  private static final String UUID = "0f8e2a4c-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
  private static final FormationKey KEY = new FormationKey("app-id", "rel-id");

  private final ClusterState state = new ClusterState();

  @Test
  void hostEventsMoveAJobThroughItsStates() {
    state.addHost(new HostInfo("h1", "http://h1", Map.of()));
    state.put(pending());

    var starting = state.applyHostEvent("h1", event(HostEvent.CREATE, JobStatus.STARTING), NOW);
    var up = state.applyHostEvent("h1", event(HostEvent.START, JobStatus.RUNNING), NOW);
    var again = state.applyHostEvent("h1", event(HostEvent.START, JobStatus.RUNNING), NOW);
    var down = state.applyHostEvent("h1", event(HostEvent.STOP, JobStatus.CRASHED), NOW);

    assertThat(starting).map(j -> j.state().status()).contains(Status.STARTING);
    assertThat(up).map(j -> j.state().status()).contains(Status.UP);
    assertThat(again).isEmpty();
    assertThat(down).map(j -> j.state().isCrashed()).contains(true);
    assertThat(down).map(TrackedJob::exitStatus).contains(1);
  }

  @Test
  void aJobStoppedOnPurposeIsNotACrash() {
    state.addHost(new HostInfo("h1", "http://h1", Map.of()));
    state.put(pending().with(pending().state().withStatus(Status.STOPPING)));

    var down = state.applyHostEvent("h1", event(HostEvent.STOP, JobStatus.DONE), NOW);

    assertThat(down).map(j -> j.state().status()).contains(Status.DOWN);
    assertThat(down).map(j -> j.state().isCrashed()).contains(false);
  }

  @Test
  void unknownRunningJobOfAHostIsAdopted() {
    state.addHost(new HostInfo("h1", "http://h1", Map.of()));

    var changed = state.applyHostJobs("h1", List.of(active(JobStatus.RUNNING)), NOW);

    assertThat(changed).extracting(j -> j.state().status()).containsExactly(Status.UP);
    assertThat(state.jobStates()).extracting(JobState::type).containsExactly("web");
    assertThat(state.hostStates()).extracting(h -> h.ready()).containsExactly(true);
  }

  @Test
  void activeJobMissingFromItsHostsListIsMarkedDown() {
    state.addHost(new HostInfo("h1", "http://h1", Map.of()));
    var old = NOW.minusSeconds(600).atOffset(ZoneOffset.UTC);
    state.loadActiveJobs(
        List.of(
            new Job(
                "h1-" + UUID,
                UUID,
                "h1",
                "app-id",
                "rel-id",
                "web",
                "up",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                old,
                old)),
        NOW);

    var changed = state.applyHostJobs("h1", List.of(), NOW);

    assertThat(changed).extracting(j -> j.state().isCrashed()).containsExactly(true);
  }

  @Test
  void recentlyUpJobMissingFromItsHostsListIsMarkedDownAtOnce() {
    state.addHost(new HostInfo("h1", "http://h1", Map.of()));
    state.loadActiveJobs(List.of(jobCreated("up", NOW.minusSeconds(5))), NOW);

    var changed = state.applyHostJobs("h1", List.of(), NOW);

    assertThat(changed).extracting(j -> j.state().status()).containsExactly(Status.DOWN);
  }

  @Test
  void justLaunchedJobMissingFromItsHostsListIsGivenTimeToArrive() {
    state.addHost(new HostInfo("h1", "http://h1", Map.of()));
    state.loadActiveJobs(List.of(jobCreated("starting", NOW.minusSeconds(5))), NOW);

    assertThat(state.applyHostJobs("h1", List.of(), NOW)).isEmpty();
  }

  private static Job jobCreated(String jobState, java.time.Instant created) {
    var at = created.atOffset(ZoneOffset.UTC);
    return new Job(
        "h1-" + UUID,
        UUID,
        "h1",
        "app-id",
        "rel-id",
        "web",
        jobState,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        at,
        at);
  }

  @Test
  void emptyFormationWithPendingScaleRequestSurvivesAResync() {
    state.updateFormation(formation(Map.of("web", 0), pendingRequest()));

    state.replaceFormations(List.of());

    assertThat(state.formationStates())
        .singleElement()
        .satisfies(f -> assertThat(f.pendingScaleRequest()).contains("sr1"));
  }

  @Test
  void completedScaleRequestIsForgotten() {
    state.updateFormation(formation(Map.of("web", 1), pendingRequest()));

    state.clearScaleRequest(KEY, "sr1");

    assertThat(state.formationStates().getFirst().pendingScaleRequest()).isEmpty();
  }

  @Test
  void deletedFormationIsRemoved() {
    state.updateFormation(formation(Map.of("web", 1), null));
    var deleted = formation(Map.of("web", 1), null);

    state.updateFormation(
        new ExpandedFormation(
            deleted.app(), deleted.release(), null, Map.of(), null, null, true, null));

    assertThat(state.formationStates()).isEmpty();
  }

  private static TrackedJob pending() {
    var s = new JobState(UUID, "h1", KEY, "web", Status.PENDING, 0, NOW, NOW, null, null, false);
    return new TrackedJob(s, null, null, null, null);
  }

  private static HostEvent event(String kind, JobStatus status) {
    return new HostEvent(kind, "h1-" + UUID, active(status));
  }

  private static ActiveJob active(JobStatus status) {
    var meta =
        Map.of(
            HostJob.META_APP, "app-id",
            HostJob.META_RELEASE, "rel-id",
            HostJob.META_TYPE, "web");
    var job = new HostJob("h1-" + UUID, meta, null, null, null, null);
    Integer exit = status.isStopped() ? (status == JobStatus.DONE ? 0 : 1) : null;
    return new ActiveJob(job, "h1", null, null, null, status, null, null, null, exit, null);
  }

  private static ScaleRequest pendingRequest() {
    return new ScaleRequest(
        "sr1", "app-id", "rel-id", ScaleRequest.PENDING, null, null, null, null, null, null);
  }

  private static ExpandedFormation formation(Map<String, Integer> counts, ScaleRequest request) {
    var app = new App("app-id", "demo", Map.of(), null, null, null, null, null);
    var web = ProcessType.of(List.of("web"));
    var release = new Release("rel-id", "app-id", null, null, null, Map.of("web", web), null, null);
    return new ExpandedFormation(app, release, null, counts, null, null, null, request);
  }
}
