package flynn.host.volumes;

import flynn.api.host.ActiveJob;
import flynn.api.host.VolumeBinding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which live job holds which volume, read from the host's job list. */
public final class VolumeAttachments {
  private VolumeAttachments() {}

  /** Volume id to the id of the job that uses it, for jobs that have not stopped. */
  public static Map<String, String> held(List<ActiveJob> jobs) {
    Map<String, String> held = new HashMap<>();
    for (ActiveJob job : jobs) {
      if (job.job() == null || job.job().config() == null) {
        continue;
      }
      if (job.status() != null && job.status().isStopped()) {
        continue;
      }
      for (VolumeBinding b : job.job().config().volumesOrEmpty()) {
        held.put(b.volume(), job.job().id());
      }
    }
    return held;
  }
}
