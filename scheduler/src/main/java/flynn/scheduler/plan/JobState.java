package flynn.scheduler.plan;

import java.time.Instant;

/**
 * The scheduler's view of one job. {@code type} is null for a one-off job (not part of a
 * formation). {@code upAt} is when it came up, {@code downAt} when it went down; {@code crashed}
 * says it went down without being asked to stop. {@code runAt} is when a pending job may start.
 */
public record JobState(
    String uuid,
    String hostId,
    FormationKey formation,
    String type,
    Status status,
    int restarts,
    Instant createdAt,
    Instant runAt,
    Instant upAt,
    Instant downAt,
    boolean crashed) {

  /** Lifecycle of a job, in order. */
  public enum Status {
    PENDING,
    STARTING,
    UP,
    STOPPING,
    DOWN;

    /** Counts towards a formation: will run or runs. */
    public boolean isActive() {
      return this == PENDING || this == STARTING || this == UP;
    }
  }

  public boolean isFormationJob() {
    return type != null && !type.isEmpty();
  }

  public boolean belongsTo(FormationKey key, String processType) {
    return isFormationJob() && formation.equals(key) && type.equals(processType);
  }

  public boolean isCrashed() {
    return status == Status.DOWN && crashed;
  }

  public JobState withStatus(Status newStatus) {
    return new JobState(
        uuid, hostId, formation, type, newStatus, restarts, createdAt, runAt, upAt, downAt,
        crashed);
  }

  public JobState up(Instant at) {
    return new JobState(
        uuid, hostId, formation, type, Status.UP, restarts, createdAt, runAt, at, downAt, crashed);
  }

  public JobState down(Instant at, boolean unexpected) {
    return new JobState(
        uuid,
        hostId,
        formation,
        type,
        Status.DOWN,
        restarts,
        createdAt,
        runAt,
        upAt,
        at,
        unexpected);
  }
}
