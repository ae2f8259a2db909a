package flynn.scheduler.jobs;

import flynn.api.host.ActiveJob;
import flynn.api.host.HostEvent;
import flynn.api.host.HostJob;
import flynn.api.host.JobStatus;
import flynn.scheduler.plan.FormationKey;
import flynn.scheduler.plan.JobState;
import flynn.scheduler.plan.JobState.Status;
import java.time.Instant;
import java.util.Optional;

/**
 * How a host's report about a job (an event, or an entry of its job list) changes what the
 * scheduler tracks. Returns the changed job, or empty when nothing changed or the report is not
 * about a controller job.
 */
public final class HostJobEvents {
  private HostJobEvents() {}

  /** The host status an event stands for; empty for events that change nothing. */
  public static Optional<JobStatus> statusOf(HostEvent event) {
    if (event.event() == null) {
      return Optional.empty();
    }
    return switch (event.event()) {
      case HostEvent.CREATE -> Optional.of(JobStatus.STARTING);
      case HostEvent.START -> Optional.of(JobStatus.RUNNING);
      case HostEvent.STOP -> Optional.of(stoppedStatus(event.job()));
      case HostEvent.ERROR -> Optional.of(JobStatus.FAILED);
      default -> Optional.empty();
    };
  }

  public static Optional<TrackedJob> apply(
      TrackedJob known, String hostId, ActiveJob report, JobStatus status, Instant now) {
    if (known == null) {
      return adopt(hostId, report, status, now);
    }
    if (!hostId.equals(known.state().hostId())) {
      return Optional.empty();
    }
    JobState before = known.state();
    JobState after = transition(before, status, now);
    if (after.equals(before)) {
      return Optional.empty();
    }
    TrackedJob changed = known.with(after);
    if (after.status() == Status.DOWN) {
      changed = changed.withOutcome(report.exitStatus(), report.error());
    }
    return Optional.of(changed);
  }

  static JobState transition(JobState job, JobStatus status, Instant now) {
    return switch (status) {
      case STARTING -> job.status() == Status.PENDING ? job.withStatus(Status.STARTING) : job;
      case RUNNING ->
          job.status() == Status.STOPPING || job.status() == Status.UP ? job : job.up(now);
      case DONE, CRASHED, FAILED ->
          job.status() == Status.DOWN ? job : job.down(now, job.status() != Status.STOPPING);
    };
  }

  /** A running job the scheduler did not know about (e.g. after a restart of the scheduler). */
  private static Optional<TrackedJob> adopt(
      String hostId, ActiveJob report, JobStatus status, Instant now) {
    HostJob job = report.job();
    if (job == null || status.isStopped()) {
      return Optional.empty();
    }
    String app = job.meta(HostJob.META_APP);
    String release = job.meta(HostJob.META_RELEASE);
    Optional<String> uuid = JobIds.uuidOf(job.id());
    boolean oneOff = job.meta(HostJob.META_TYPE) == null;
    if (app == null || (release == null && !oneOff) || uuid.isEmpty()) {
      return Optional.empty();
    }
    Instant created = report.createdAt() == null ? now : report.createdAt().toInstant();
    boolean running = status == JobStatus.RUNNING;
    var state =
        new JobState(
            uuid.get(),
            hostId,
            new FormationKey(app, release),
            job.meta(HostJob.META_TYPE),
            running ? Status.UP : Status.STARTING,
            0,
            created,
            null,
            running ? now : null,
            null,
            false);
    var args = job.config() == null ? null : job.config().args();
    return Optional.of(
        new TrackedJob(state, args, ControllerJobs.jobMeta(job.metadata()), null, null));
  }

  private static JobStatus stoppedStatus(ActiveJob job) {
    return job != null && job.status() != null && job.status().isStopped()
        ? job.status()
        : JobStatus.DONE;
  }
}
