package flynn.gitreceive.rollout;

import flynn.api.Json;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Event;
import flynn.api.controller.ReleaseRollout;
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
 * complete; fails when it is cancelled or the timeout passes first (the stream is closed then).
 */
public final class ScaleAwaiter implements ReleaseRollout.Scaler {
  private final ControllerClient controller;
  private final Duration timeout;

  public ScaleAwaiter(ControllerClient controller, Duration timeout) {
    this.controller = controller;
    this.timeout = timeout;
  }

  @Override
  public void scaleAndWait(String appId, String releaseId, Map<String, Integer> processes) {
    ScaleRequest body =
        new ScaleRequest(
            null, appId, releaseId, ScaleRequest.PENDING, null, processes, null, null, null, null);
    try (SseStream events =
        controller.events().stream(appId, List.of(Event.SCALE_REQUEST), false, null)) {
      Thread timer =
          Thread.ofVirtual().name("scale-timeout-" + appId).start(() -> closeLater(events));
      try {
        ScaleRequest created = controller.formations().scale(appId, releaseId, body);
        if (!ScaleRequest.COMPLETE.equals(created.state())) {
          await(events, created.id(), processes);
        }
      } finally {
        timer.interrupt();
      }
    } catch (IOException e) {
      throw new PushFailedException("lost the controller's events: " + e.getMessage(), e);
    }
  }

  private void await(SseStream events, String requestId, Map<String, Integer> processes) {
    try {
      for (Optional<SseStream.Event> e = events.next(); e.isPresent(); e = events.next()) {
        Optional<ScaleRequest> request = scaleRequest(e.get().data());
        if (request.isEmpty() || !requestId.equals(request.get().id())) {
          continue;
        }
        switch (String.valueOf(request.get().state())) {
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

  private static Optional<ScaleRequest> scaleRequest(String data) {
    try {
      Event event = Json.read(data, Event.class);
      if (event == null || event.data() == null) {
        return Optional.empty();
      }
      return Optional.of(Json.mapper().convertValue(event.data(), ScaleRequest.class));
    } catch (RuntimeException notAScaleRequest) {
      return Optional.empty();
    }
  }
}
