package flynn.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.host.ActiveJob;
import flynn.api.host.HostJob;
import flynn.api.host.JobStatus;
import flynn.scheduler.plan.JobState.Status;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostJobEventsTest {
  private static final String UUID = "0b0e1a6c-3f7e-4a61-9d1c-1c1a2b3c4d5e";
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static ActiveJob report(String release, String type) {
    Map<String, String> meta = new HashMap<>();
    meta.put(HostJob.META_APP, "app-1");
    if (release != null) {
      meta.put(HostJob.META_RELEASE, release);
    }
    if (type != null) {
      meta.put(HostJob.META_TYPE, type);
    }
    HostJob job = new HostJob("host1-" + UUID, meta, null, null, null, null, List.of());
    return new ActiveJob(
        job, "host1", null, null, null, JobStatus.RUNNING, null, null, null, null, null);
  }

  private static Optional<TrackedJob> adopted(ActiveJob report) {
    return HostJobEvents.apply(null, "host1", report, JobStatus.RUNNING, NOW);
  }

  @Test
  void aBuildJobRunBeforeTheAppsFirstReleaseIsTrackedSoItsStatesReachTheController() {
    Optional<TrackedJob> job = adopted(report(null, null));

    assertThat(job).isPresent();
    assertThat(job.get().state().status()).isEqualTo(Status.UP);
    assertThat(job.get().state().formation().release()).isNull();
  }

  @Test
  void aProcessTypeJobWithoutAReleaseIsNotAControllerJob() {
    assertThat(adopted(report(null, "web"))).isEmpty();
  }

  @Test
  void aJobOfAReleaseIsAdopted() {
    assertThat(adopted(report("rel-1", "web")))
        .get()
        .satisfies(j -> assertThat(j.state().formation().release()).isEqualTo("rel-1"));
  }
}
