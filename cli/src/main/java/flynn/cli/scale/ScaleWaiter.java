package flynn.cli.scale;

import flynn.api.controller.ControllerClient;
import flynn.api.controller.Event;
import flynn.api.controller.ScaleRequest;
import flynn.cli.CliException;
import flynn.cli.events.EventFollower;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a scale request ({@code PUT /apps/:id/scale/:release}) and, unless told not to, follows
 * the app's job and scale_request events until the request completes, is cancelled, or the timeout
 * passes.
 */
public final class ScaleWaiter {
  /** Flynn's default scale timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final ControllerClient client;
  private final Clock clock;

  public ScaleWaiter(ControllerClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public ScaleRequest scale(
      String appId,
      String releaseId,
      Map<String, Integer> processes,
      Map<String, Map<String, String>> tags,
      boolean wait,
      Duration timeout,
      ScaleListener listener) {
    ScaleRequest body =
        new ScaleRequest(
            null,
            appId,
            releaseId,
            ScaleRequest.PENDING,
            null,
            processes,
            null,
            tags == null || tags.isEmpty() ? null : tags,
            null,
            null);
    if (!wait) {
      ScaleRequest created = client.formations().scale(appId, releaseId, body);
      listener.created(created);
      return created;
    }
    try (EventFollower events =
        EventFollower.open(client, appId, List.of(Event.JOB, Event.SCALE_REQUEST))) {
      ScaleRequest created = client.formations().scale(appId, releaseId, body);
      listener.created(created);
      if (!ScaleRequest.COMPLETE.equals(created.state())) {
        await(events, new ScaleProgress(releaseId, created.id()), timeout, listener);
      }
      return created;
    }
  }

  private void await(
      EventFollower events, ScaleProgress progress, Duration timeout, ScaleListener listener) {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      Optional<Event> event = events.next(deadline, clock.instant());
      if (event.isEmpty()) {
        throw new CliException(
            "timed out waiting for scale to complete (waited " + timeout.toSeconds() + " seconds)");
      }
      ScaleProgress.Step step = progress.on(event.get(), LocalTime.now(clock));
      step.line().ifPresent(listener::jobLine);
      switch (step.state()) {
        case COMPLETE -> {
          return;
        }
        case CANCELLED -> throw new CliException("scale request cancelled");
        case SCALING -> {}
      }
    }
  }
}
