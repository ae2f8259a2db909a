package flynn.api.controller;

import flynn.api.Json;
import flynn.api.http.SseFollower;
import flynn.api.http.SseStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An app's {@code deployment} events, followed on a named thread (resuming after the last event
 * seen when the stream breaks) into a queue the caller polls with a deadline.
 */
final class DeploymentEventQueue implements AutoCloseable {
  private final BlockingQueue<DeploymentEvent> events = new LinkedBlockingQueue<>();
  private final CountDownLatch opened = new CountDownLatch(1);
  private final SseFollower follower;
  private volatile Long lastId;

  private DeploymentEventQueue(EventsClient client, String appId) {
    this.follower =
        SseFollower.start(
            "deploy-watch-" + appId,
            new SseFollower.Subscriber() {
              @Override
              public SseStream open() {
                return client.stream(appId, List.of(Event.DEPLOYMENT), false, lastId);
              }

              @Override
              public boolean opened() {
                opened.countDown();
                return false;
              }

              @Override
              public void event(SseStream.Event e) {
                receive(e.data());
              }
            });
  }

  /** Starts following and waits up to {@code wait} for the stream to be open. */
  static DeploymentEventQueue follow(EventsClient client, String appId, Duration wait) {
    DeploymentEventQueue queue = new DeploymentEventQueue(client, appId);
    try {
      queue.opened.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return queue;
  }

  /** The next event, or empty when none came within {@code wait}. */
  Optional<DeploymentEvent> poll(Duration wait) {
    try {
      return Optional.ofNullable(events.poll(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployFailedException(null, "interrupted while following the deployment");
    }
  }

  private void receive(String data) {
    Event event;
    try {
      event = Json.read(data, Event.class);
    } catch (RuntimeException notAnEvent) {
      return;
    }
    if (event == null || event.data() == null) {
      return;
    }
    if (event.id() != null) {
      lastId = event.id();
    }
    events.add(Json.mapper().convertValue(event.data(), DeploymentEvent.class));
  }

  @Override
  public void close() {
    follower.close();
  }
}
