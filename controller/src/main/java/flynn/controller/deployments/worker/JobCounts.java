package flynn.controller.deployments.worker;

import flynn.controller.deployments.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many jobs of one release run, per process type: {@code up} ones, and {@code active} ones
 * (pending, starting, up or stopping). Decides whether a step's wait is over. Pure.
 */
public record JobCounts(Map<String, Integer> up, Map<String, Integer> active) {
  public JobCounts {
    up = Map.copyOf(up);
    active = Map.copyOf(active);
  }

  /** The types whose wait is not over yet, described for a timeout message; empty when done. */
  public List<String> unmet(Step step) {
    List<String> unmet = new ArrayList<>();
    new TreeMap<>(step.processes())
        .forEach((type, wanted) -> {
          int n = wanted == null ? 0 : wanted;
          switch (step.await()) {
            case UP -> {
              int up = this.up.getOrDefault(type, 0);
              if (up < n) {
                unmet.add(type + ": " + up + " of " + n + " up");
              }
            }
            case DOWN -> {
              int running = active.getOrDefault(type, 0);
              if (running > n) {
                unmet.add(type + ": " + running + " running, want " + n);
              }
            }
            case NONE -> {}
          }
        });
    return unmet;
  }

  public boolean satisfies(Step step) {
    return unmet(step).isEmpty();
  }
}
