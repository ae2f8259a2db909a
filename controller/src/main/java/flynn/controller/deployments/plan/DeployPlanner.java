package flynn.controller.deployments.plan;

import flynn.api.controller.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The steps of a deployment strategy, from where the deployment stands to its end. Pure: the worker
 * applies each step (a formation change) and waits for its jobs. Types the new release no longer
 * has only go down; types new in the release start at zero (Flynn's behaviour). Types are deployed
 * in name order.
 */
public final class DeployPlanner {
  private DeployPlanner() {}

  /**
   * @param batchSize jobs per batch of {@code in-batches} (ignored by the other strategies)
   */
  public static List<Step> plan(String strategy, Progress p, int batchSize) {
    return switch (strategy == null || strategy.isEmpty() ? Deployment.ALL_AT_ONCE : strategy) {
      case Deployment.ALL_AT_ONCE -> allAtOnce(p);
      case Deployment.ONE_BY_ONE -> rolling(p, 1, false);
      case Deployment.IN_BATCHES -> rolling(p, Math.max(1, batchSize), false);
      case Deployment.ONE_DOWN_ONE_UP -> rolling(p, 1, true);
      default -> throw new IllegalArgumentException("unknown deployment strategy " + strategy);
    };
  }

  /**
   * The steps of a deployment picked up again after a restart: first wait until both formations are
   * as they were last set (a step may have been applied but not waited for), then go on.
   */
  public static List<Step> resume(String strategy, Progress p, int batchSize) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(Step.Side.NEW, p.newCounts(), Step.Wait.UP));
    steps.add(new Step(Step.Side.OLD, p.oldCounts(), Step.Wait.DOWN));
    steps.addAll(plan(strategy, p, batchSize));
    return steps;
  }

  /** Scale the new release to full and wait; then the old one to zero without waiting. */
  private static List<Step> allAtOnce(Progress p) {
    Map<String, Integer> up = new TreeMap<>(p.newCounts());
    Map<String, Integer> down = new TreeMap<>(p.oldCounts());
    for (String type : types(p)) {
      if (p.newTypes().contains(type)) {
        up.put(type, p.wanted(type));
      }
      down.put(type, 0);
    }
    return List.of(
        new Step(Step.Side.NEW, up, Step.Wait.UP), new Step(Step.Side.OLD, down, Step.Wait.NONE));
  }

  /** Per type, {@code batch} new jobs up then as many old ones down (or down first), repeated. */
  private static List<Step> rolling(Progress p, int batch, boolean downFirst) {
    Map<String, Integer> up = new TreeMap<>(p.newCounts());
    Map<String, Integer> down = new TreeMap<>(p.oldCounts());
    List<Step> steps = new ArrayList<>();
    for (String type : types(p)) {
      int wanted = p.wanted(type);
      while (up.getOrDefault(type, 0) < wanted || down.getOrDefault(type, 0) > 0) {
        if (downFirst) {
          stepDown(steps, down, type, batch);
          stepUp(steps, up, type, batch, wanted);
        } else {
          stepUp(steps, up, type, batch, wanted);
          stepDown(steps, down, type, batch);
        }
      }
    }
    return steps;
  }

  private static void stepUp(
      List<Step> steps, Map<String, Integer> up, String type, int batch, int wanted) {
    int now = up.getOrDefault(type, 0);
    if (now < wanted) {
      up.put(type, Math.min(wanted, now + batch));
      steps.add(new Step(Step.Side.NEW, up, Step.Wait.UP));
    }
  }

  private static void stepDown(
      List<Step> steps, Map<String, Integer> down, String type, int batch) {
    int now = down.getOrDefault(type, 0);
    if (now > 0) {
      down.put(type, Math.max(0, now - batch));
      steps.add(new Step(Step.Side.OLD, down, Step.Wait.DOWN));
    }
  }

  private static Set<String> types(Progress p) {
    Set<String> types = new TreeSet<>(p.target().keySet());
    types.addAll(p.oldCounts().keySet());
    return types;
  }
}
