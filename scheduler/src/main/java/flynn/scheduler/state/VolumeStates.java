package flynn.scheduler.state;

import flynn.api.controller.Volume;
import flynn.scheduler.jobs.JobIds;
import flynn.scheduler.plan.VolumeState;

/** Reads the reconciler's view of a volume out of the controller's record. */
public final class VolumeStates {
  private VolumeStates() {}

  public static VolumeState of(Volume v) {
    return new VolumeState(
        v.id(),
        v.hostId(),
        v.app(),
        v.jobType(),
        v.path(),
        JobIds.uuidOf(v.job()).orElse(null),
        isRetired(v));
  }

  public static boolean isRetired(Volume v) {
    return v.decommissionedAt() != null
        || Volume.DESTROYED.equals(v.state())
        || Boolean.TRUE.equals(v.deleteOnStop());
  }
}
