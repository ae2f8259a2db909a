package flynn.discoverd.registry;

import flynn.api.discoverd.ServiceEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One follower of a service's events. Events queue up to a bound; a follower that falls that far
 * behind is ended (Flynn does the same) and reconnects to get a fresh replay.
 */
public final class Subscription implements AutoCloseable {
  /** What {@link #next} found: an event, nothing within the wait, or the end of the stream. */
  public sealed interface Next {}

  public record Event(ServiceEvent event) implements Next {}

  public record Idle() implements Next {}

  public record Ended(String reason) implements Next {}

  private final String service;
  private final Set<String> kinds;
  private final int capacity;
  private final Registry registry;
  private final LinkedBlockingQueue<Next> queue = new LinkedBlockingQueue<>();
  private boolean ended;

  Subscription(String service, Set<String> kinds, int capacity, Registry registry) {
    this.service = service;
    this.kinds = Set.copyOf(kinds);
    this.capacity = capacity;
    this.registry = registry;
  }

  String service() {
    return service;
  }

  /** Waits up to {@code wait} for the next event. */
  public Next next(Duration wait) throws InterruptedException {
    Next n = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    return n == null ? new Idle() : n;
  }

  /** Queues the events this subscriber wants; false once it has ended. Called under the lock. */
  boolean deliver(List<ServiceEvent> events) {
    for (ServiceEvent e : events) {
      if (ended) {
        return false;
      }
      if (!kinds.contains(e.kind())) {
        continue;
      }
      if (queue.size() >= capacity) {
        end("subscriber fell " + capacity + " events behind");
        return false;
      }
      queue.add(new Event(e));
    }
    return !ended;
  }

  /** Ends the stream after what is queued. Called under the registry's lock. */
  void end(String reason) {
    if (!ended) {
      ended = true;
      queue.add(new Ended(reason));
    }
  }

  @Override
  public void close() {
    registry.unsubscribe(this);
  }
}
