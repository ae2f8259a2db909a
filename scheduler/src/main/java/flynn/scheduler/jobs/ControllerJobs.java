package flynn.scheduler.jobs;

import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.scheduler.plan.FormationKey;
import flynn.scheduler.plan.JobState.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** Converts between the scheduler's tracked jobs and the controller's job records. */
public final class ControllerJobs {
  private ControllerJobs() {}

  public static Job toJob(TrackedJob tracked) {
    var s = tracked.state();
    return new Job(
        s.hostId() == null ? null : JobIds.of(s.hostId(), s.uuid()),
        s.uuid(),
        s.hostId(),
        s.formation().app(),
        s.formation().release(),
        s.type(),
        stateName(s.status()),
        tracked.args(),
        null,
        tracked.meta(),
        tracked.exitStatus(),
        tracked.hostError(),
        utc(s.runAt()),
        s.restarts() > 0 ? s.restarts() : null,
        null,
        null);
  }

  /** A job the controller lists as active, as the scheduler first sees it. */
  public static TrackedJob fromJob(Job job, Instant now) {
    Status status = statusOf(job.state());
    Instant created = job.createdAt() == null ? now : job.createdAt().toInstant();
    var state =
        new flynn.scheduler.plan.JobState(
            job.uuid(),
            job.hostId(),
            new FormationKey(job.app(), job.release()),
            job.type(),
            status,
            job.restarts() == null ? 0 : job.restarts(),
            created,
            job.runAt() == null ? null : job.runAt().toInstant(),
            status == Status.UP ? created : null,
            null,
            false);
    return new TrackedJob(state, job.args(), job.meta(), job.exitStatus(), job.hostError());
  }

  public static String stateName(Status status) {
    return switch (status) {
      case PENDING -> JobState.PENDING;
      case STARTING -> JobState.STARTING;
      case UP -> JobState.UP;
      case STOPPING -> JobState.STOPPING;
      case DOWN -> JobState.DOWN;
    };
  }

  static Status statusOf(String state) {
    if (state == null || JobState.isDown(state)) {
      return Status.DOWN;
    }
    return switch (state) {
      case JobState.PENDING, JobState.BLOCKED -> Status.PENDING;
      case JobState.STARTING -> Status.STARTING;
      case JobState.STOPPING -> Status.STOPPING;
      default -> Status.UP;
    };
  }

  /** Host job metadata without the controller's own keys, as the controller stores it. */
  public static Map<String, String> jobMeta(Map<String, String> metadata) {
    if (metadata == null) {
      return Map.of();
    }
    var meta = new java.util.HashMap<>(metadata);
    meta.keySet().removeIf(k -> k.startsWith("flynn-controller."));
    return meta;
  }

  private static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
