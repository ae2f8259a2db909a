package flynn.scheduler.jobs;

import flynn.scheduler.plan.JobState;
import java.util.List;
import java.util.Map;

/**
 * A job as the scheduler tracks it: the state the plan works from plus what the controller records
 * (args, non-controller metadata, exit status, host error).
 */
public record TrackedJob(
    JobState state,
    List<String> args,
    Map<String, String> meta,
    Integer exitStatus,
    String hostError) {

  public TrackedJob {
    args = args == null ? List.of() : List.copyOf(args);
    meta = meta == null ? Map.of() : Map.copyOf(meta);
  }

  public String uuid() {
    return state.uuid();
  }

  public TrackedJob with(JobState newState) {
    return new TrackedJob(newState, args, meta, exitStatus, hostError);
  }

  public TrackedJob withOutcome(Integer newExitStatus, String newHostError) {
    return new TrackedJob(state, args, meta, newExitStatus, newHostError);
  }
}
