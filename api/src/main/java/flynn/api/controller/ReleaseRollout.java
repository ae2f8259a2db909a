package flynn.api.controller;

import java.util.Map;
import java.util.TreeMap;

/**
 * Makes a new release the app's current one and moves its processes over: the stand-in for Flynn's
 * deployer ({@code POST /apps/:id/deploy}) until the controller has one. It sets the app release,
 * scales the new release to the old release's process counts (types the new release still has) and
 * waits, then scales the old release to zero and waits. The CLI ({@code flynn release add}, {@code
 * flynn docker push}) and gitreceive share it.
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

  /** Scales a release of the app to {@code processes} and waits until that is done. */
  @FunctionalInterface
  public interface Scaler {
    void scaleAndWait(String appId, String releaseId, Map<String, Integer> processes);
  }

  public void run(ControllerClient client, Scaler scaler) {
    client.apps().setRelease(appId, newRelease);
    if (scalesNew()) {
      scaler.scaleAndWait(appId, newRelease, newProcesses);
    }
    if (stopsOld()) {
      scaler.scaleAndWait(appId, oldRelease, oldProcesses);
    }
  }
}
