package flynn.cli.scale;

import flynn.api.Json;
import flynn.api.controller.Event;
import flynn.api.controller.Job;
import flynn.api.controller.ScaleRequest;
import flynn.cli.jobs.JobList;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads the events of one scale request: a line per job state change of the release, done when the
 * request's own event says complete or cancelled. Pure: no I/O, the time is passed in.
 */
public final class ScaleProgress {
  /** Where the scale request stands after an event. */
  public enum State {
    SCALING,
    COMPLETE,
    CANCELLED
  }

  /** The outcome of one event: the new state and, for job events, the line to print. */
  public record Step(State state, Optional<String> line) {
    static Step scaling() {
      return new Step(State.SCALING, Optional.empty());
    }
  }

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private final String releaseId;
  private final String scaleRequestId;

  /**
   * @param scaleRequestId the id the controller gave the request; null matches any request for the
   *     release
   */
  public ScaleProgress(String releaseId, String scaleRequestId) {
    this.releaseId = releaseId;
    this.scaleRequestId = scaleRequestId;
  }

  public Step on(Event event, LocalTime now) {
    if (event.data() == null) {
      return Step.scaling();
    }
    return switch (event.objectType()) {
      case Event.JOB -> onJob(Json.mapper().convertValue(event.data(), Job.class), now);
      case Event.SCALE_REQUEST ->
          onScaleRequest(Json.mapper().convertValue(event.data(), ScaleRequest.class));
      case null, default -> Step.scaling();
    };
  }

  /** {@code 02:28:34.333 ==> web host-3f656af6... up}, Flynn's job event line. */
  public static String jobLine(Job job, LocalTime now) {
    return CLOCK.format(now)
        + " ==> "
        + job.type()
        + " "
        + JobList.idOf(job)
        + " "
        + JobList.stateOf(job);
  }

  private Step onJob(Job job, LocalTime now) {
    if (!releaseId.equals(job.release())) {
      return Step.scaling();
    }
    return new Step(State.SCALING, Optional.of(jobLine(job, now)));
  }

  private Step onScaleRequest(ScaleRequest request) {
    boolean ours =
        scaleRequestId == null
            ? releaseId.equals(request.release())
            : scaleRequestId.equals(request.id());
    if (!ours) {
      return Step.scaling();
    }
    return switch (String.valueOf(request.state())) {
      case ScaleRequest.COMPLETE -> new Step(State.COMPLETE, Optional.empty());
      case ScaleRequest.CANCELLED -> new Step(State.CANCELLED, Optional.empty());
      default -> Step.scaling();
    };
  }
}
