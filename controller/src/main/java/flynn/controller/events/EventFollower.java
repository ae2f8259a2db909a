package flynn.controller.events;

import flynn.api.controller.Event;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Follows the event log: hands each matching event after a given id to a sink, in id order, as its
 * transaction commits. Woken by the {@link EventBus}; reads the rows itself, so nothing is lost
 * between a wake-up and the read.
 */
public final class EventFollower {
  private static final int BATCH = 100;

  /** Where followed events go. Throwing IOException (the client went away) ends the follow. */
  public interface Sink {
    void event(Event e) throws IOException;

    /** Nothing happened for a while: a chance to send a keep-alive. */
    void idle() throws IOException;
  }

  private final Jdbi jdbi;
  private final EventBus bus;
  private final Duration keepAlive;

  public EventFollower(Jdbi jdbi, EventBus bus, Duration keepAlive) {
    this.jdbi = jdbi;
    this.bus = bus;
    this.keepAlive = keepAlive;
  }

  public long latestId() {
    return jdbi.withHandle(h -> new EventStore(h).latestId());
  }

  /** Blocks until the sink fails, the bus closes or the thread is interrupted. */
  public void follow(EventFilter filter, long afterId, Sink sink)
      throws IOException, InterruptedException {
    long last = afterId;
    while (!bus.isClosed()) {
      long generation = bus.generation();
      EventFilter page = filter.since(last).limit(BATCH);
      List<Event> batch = jdbi.withHandle(h -> new EventStore(h).listAscending(page));
      for (Event e : batch) {
        sink.event(e);
        last = e.id();
      }
      if (batch.size() < BATCH && !bus.awaitChange(generation, keepAlive)) {
        sink.idle();
      }
    }
  }
}
