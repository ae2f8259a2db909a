package flynn.controller.jobs;

import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.api.http.ApiException;
import java.util.Optional;
import java.util.Set;

/** Which job updates (from the scheduler) are accepted, and the job they record. Pure. */
public final class JobUpdates {
  private static final Set<String> STATES =
      Set.of(
          JobState.PENDING,
          JobState.BLOCKED,
          JobState.STARTING,
          JobState.UP,
          JobState.STOPPING,
          JobState.DOWN,
          JobState.CRASHED,
          JobState.FAILED);

  private JobUpdates() {}

  /**
   * {@code text} without NUL, which PostgreSQL text and jsonb cannot hold: a crash report quotes a
   * job's output, which may be binary.
   */
  static String storable(String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }

  /**
   * The job to store for an update to {@code uuid} of app {@code appId}, or empty when it must be
   * ignored: a job that went down never comes back up (a late "up" lost a race with "down").
   */
  public static Optional<Job> apply(String appId, String uuid, Job update, Job existing) {
    if (update.uuid() != null && !update.uuid().equals(uuid)) {
      throw ApiException.validation(
          "uuid", "job uuid " + update.uuid() + " does not match the path's " + uuid);
    }
    if (update.state() == null || !STATES.contains(update.state())) {
      throw ApiException.validation("state", "invalid job state: " + update.state());
    }
    if (existing != null && JobState.isDown(existing.state()) && !JobState.isDown(update.state())) {
      return Optional.empty();
    }
    String id = update.id();
    if (id == null && update.hostId() != null) {
      id = update.hostId() + "-" + uuid;
    }
    return Optional.of(
        new Job(
            id,
            uuid,
            update.hostId(),
            appId,
            update.release(),
            update.type(),
            update.state(),
            update.args(),
            update.volumes(),
            update.meta(),
            update.exitStatus(),
            storable(update.hostError()),
            update.runAt(),
            update.restarts(),
            null,
            null));
  }
}
