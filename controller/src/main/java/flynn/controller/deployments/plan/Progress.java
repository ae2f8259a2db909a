package flynn.controller.deployments.plan;

import java.util.Map;
import java.util.Set;

/**
 * Where a deployment stands: what it moves and how the two formations look now.
 *
 * @param target the old formation's counts when the deployment was created (Flynn's {@code
 *     processes}): what the new release ends up running, for the types it still has
 * @param newTypes the process types of the new release
 * @param newCounts the new release's formation now (empty before the first step)
 * @param oldCounts the old release's formation now
 */
public record Progress(
    Map<String, Integer> target,
    Set<String> newTypes,
    Map<String, Integer> newCounts,
    Map<String, Integer> oldCounts) {

  public Progress {
    target = Map.copyOf(target);
    newTypes = Set.copyOf(newTypes);
    newCounts = Map.copyOf(newCounts);
    oldCounts = Map.copyOf(oldCounts);
  }

  /** A deployment before its first step: nothing new runs, the old formation is the target. */
  public static Progress start(Map<String, Integer> target, Set<String> newTypes) {
    return new Progress(target, newTypes, Map.of(), target);
  }

  /** How many jobs of {@code type} the new release runs at the end. */
  public int wanted(String type) {
    return newTypes.contains(type) ? target.getOrDefault(type, 0) : 0;
  }
}
