package flynn.scheduler.loop;

import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.Job;
import flynn.api.controller.Volume;
import flynn.api.host.ActiveJob;
import flynn.api.host.HostEvent;
import flynn.scheduler.state.HostInfo;
import java.util.List;

/** Everything the loop reacts to; feeders post these, the loop thread applies them in order. */
sealed interface Input {
  record FormationsListed(List<ExpandedFormation> formations) implements Input {}

  record FormationChanged(ExpandedFormation formation) implements Input {}

  record ActiveJobsListed(List<Job> jobs) implements Input {}

  record HostsListed(List<HostInfo> hosts) implements Input {}

  record HostUp(HostInfo host) implements Input {}

  record HostDown(String hostId) implements Input {}

  record HostJobsListed(String hostId, List<ActiveJob> jobs) implements Input {}

  record HostJobEvent(String hostId, HostEvent event) implements Input {}

  record LaunchFailed(String uuid, String error) implements Input {}

  record VolumesListed(List<Volume> volumes) implements Input {}

  /** A host deleted a decommissioned volume ({@code error} null) or could not. */
  record VolumeDeleted(String volumeId, String error) implements Input {}

  record StopFailed(String uuid, boolean unknownToHost, String error) implements Input {}
}
