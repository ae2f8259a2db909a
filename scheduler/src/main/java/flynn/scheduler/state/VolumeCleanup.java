package flynn.scheduler.state;

import flynn.api.controller.Volume;
import flynn.scheduler.jobs.JobIds;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Which decommissioned volumes to delete on their hosts now. A pure function. */
public final class VolumeCleanup {
  private VolumeCleanup() {}

  /**
   * Decommissioned volumes not yet destroyed, on a live host, that no live job holds and that are
   * not being deleted already.
   */
  public static List<Volume> toDestroy(
      Collection<Volume> volumes,
      Set<String> liveHosts,
      Set<String> liveJobUuids,
      Set<String> deleting) {
    return volumes.stream()
        .filter(v -> v.decommissionedAt() != null && !Volume.DESTROYED.equals(v.state()))
        .filter(v -> liveHosts.contains(v.hostId()) && !deleting.contains(v.id()))
        .filter(v -> JobIds.uuidOf(v.job()).map(u -> !liveJobUuids.contains(u)).orElse(true))
        .sorted(Comparator.comparing(Volume::id))
        .toList();
  }

  public static Volume destroyed(Volume v, java.time.OffsetDateTime now) {
    return v.withState(Volume.DESTROYED, now);
  }
}
