package flynn.controller.deployments.plan;

import java.util.Map;

/**
 * One step of a deployment: the formation of one side (the old or the new release) after it, and
 * what to wait for before the next step.
 *
 * @param processes the side's whole formation after the step (every type it names)
 */
public record Step(Side side, Map<String, Integer> processes, Wait await) {
  public enum Side {
    OLD,
    NEW
  }

  public enum Wait {
    /** Every named type has at least its count of jobs up. */
    UP,
    /** Every named type has at most its count of jobs still running (or stopping). */
    DOWN,
    /** Go on at once: the scheduler carries the change out on its own. */
    NONE
  }

  public Step {
    processes = Map.copyOf(processes);
  }
}
