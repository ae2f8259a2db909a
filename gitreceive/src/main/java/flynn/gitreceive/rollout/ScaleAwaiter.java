package flynn.gitreceive.rollout;

import flynn.api.Json;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Event;
import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.api.controller.ScaleRequest;
import flynn.api.http.SseStream;
import flynn.gitreceive.push.PushFailedException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a scale request and follows the app's scale request events until the scheduler marks it
 * complete; fails when it is cancelled, when a job it starts exits with an error (the scheduler
 * would only restart it), or when the timeout passes first (the stream is closed then).
 */
public final class ScaleAwaiter {
  private final ControllerClient controller;
  private final Duration timeout;

  public ScaleAwaiter(ControllerClient controller, Duration timeout) {
    this.controller = controller;
    this.timeout = timeout;
  }

  public void scaleAndWait(String appId, String releaseId, Map<String, Integer> processes) {
    ScaleRequest body =
        new ScaleRequest(
            null, appId, releaseId, ScaleRequest.PENDING, null, processes, null, null, null, null);
    try (SseStream events =
        controller.events().stream(appId, List.of(Event.SCALE_REQUEST, Event.JOB), false, null)) {
      Thread timer =
          Thread.ofVirtual().name("scale-timeout-" + appId).start(() -> closeLater(events));
      try {
        ScaleRequest created = controller.formations().scale(appId, releaseId, body);
        if (!ScaleRequest.COMPLETE.equals(created.state())) {
          await(events, created.id(), releaseId, processes);
        }
      } finally {
        timer.interrupt();
      }
    } catch (IOException e) {
      throw new PushFailedException("lost the controller's events: " + e.getMessage(), e);
    }
  }

  private void await(
      SseStream events, String requestId, String releaseId, Map<String, Integer> processes) {
    try {
      for (Optional<SseStream.Event> e = events.next(); e.isPresent(); e = events.next()) {
        Event event = Json.read(e.get().data(), Event.class);
        if (event == null || event.data() == null) {
          continue;
        }
        if (Event.JOB.equals(event.objectType())) {
          failIfCrashed(Json.mapper().convertValue(event.data(), Job.class), releaseId, processes);
          continue;
        }
        ScaleRequest request = Json.mapper().convertValue(event.data(), ScaleRequest.class);
        if (!requestId.equals(request.id())) {
          continue;
        }
        switch (String.valueOf(request.state())) {
          case ScaleRequest.COMPLETE -> {
            return;
          }
          case ScaleRequest.CANCELLED -> throw new PushFailedException("scaling was cancelled");
          default -> {}
        }
      }
    } catch (IOException e) {
      // closed by the timer, or the controller went away: both are a timeout to the pusher
    }
    throw new PushFailedException(
        "timed out after " + timeout.toSeconds() + " s waiting for " + processes + " to be up");
  }

  /** A job of the release being scaled up that went down on its own is a failed start. */
  static void failIfCrashed(Job job, String releaseId, Map<String, Integer> processes) {
    boolean scaled = releaseId.equals(job.release()) && processes.getOrDefault(job.type(), 0) > 0;
    boolean crashed =
        JobState.isDown(job.state())
            && ((job.exitStatus() != null && job.exitStatus() != 0) || job.hostError() != null);
    if (scaled && crashed) {
      throw new PushFailedException(job.type() + " " + why(job));
    }
  }

  private void closeLater(SseStream events) {
    try {
      Thread.sleep(timeout);
      events.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // closing is best effort; the wait ends either way
    }
  }

  /** A crash says its exit status, then its last output lines (the host's crash report). */
  private static String why(Job job) {
    if (job.exitStatus() != null && job.exitStatus() != 0) {
      return "exited with status "
          + job.exitStatus()
          + (job.hostError() == null ? "" : ":\n" + job.hostError());
    }
    return "failed to start: " + job.hostError();
  }
}
