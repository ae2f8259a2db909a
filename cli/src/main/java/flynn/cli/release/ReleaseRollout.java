package flynn.cli.release;

import flynn.api.controller.ControllerClient;
import flynn.api.controller.Release;
import flynn.cli.scale.ScaleListener;
import flynn.cli.scale.ScaleWaiter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes a new release the app's current one and moves its processes over: the stand-in for Flynn's
 * deployer ({@code POST /apps/:id/deploy}) until the controller has one. It sets the app release,
 * scales the new release to the old release's process counts (types the new release still has) and
 * waits, then scales the old release to zero and waits.
 */
public record ReleaseRollout(
    String appId,
    String newRelease,
    Map<String, Integer> newProcesses,
    String oldRelease,
    Map<String, Integer> oldProcesses) {

  /**
   * @param current the app's release before this one, or null
   * @param currentCounts that release's formation (empty when none)
   */
  public static ReleaseRollout plan(
      String appId, Release next, Release current, Map<String, Integer> currentCounts) {
    Map<String, Integer> start = new TreeMap<>();
    Map<String, Integer> stop = new TreeMap<>();
    boolean sameRelease = current != null && current.id().equals(next.id());
    currentCounts.forEach((type, count) -> {
      if (count == null || count <= 0) {
        return;
      }
      if (next.processes() != null && next.processes().containsKey(type)) {
        start.put(type, count);
      }
      stop.put(type, 0);
    });
    if (current == null || sameRelease) {
      return new ReleaseRollout(appId, next.id(), sameRelease ? Map.of() : start, null, Map.of());
    }
    return new ReleaseRollout(appId, next.id(), start, current.id(), stop);
  }

  public boolean scalesNew() {
    return !newProcesses.isEmpty();
  }

  public boolean stopsOld() {
    return oldRelease != null && !oldProcesses.isEmpty();
  }

  public void run(ControllerClient client, ScaleWaiter waiter, Duration timeout) {
    client.apps().setRelease(appId, newRelease);
    if (scalesNew()) {
      waiter.scale(appId, newRelease, newProcesses, null, true, timeout, ScaleListener.SILENT);
    }
    if (stopsOld()) {
      waiter.scale(appId, oldRelease, oldProcesses, null, true, timeout, ScaleListener.SILENT);
    }
  }
}
