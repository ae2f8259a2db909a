package flynn.api.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows an SSE stream on its own virtual thread for as long as it is open: opens it, hands each
 * event to a {@link Subscriber}, and when the stream breaks reconnects with a backoff that doubles
 * from 100 ms to 5 s and starts over after a connection that made progress. {@link #close} ends the
 * stream in hand and the thread.
 */
public final class SseFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SseFollower.class);
  static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  /** What a follower does with one connection. Runs on the follower's thread. */
  public interface Subscriber {
    /** Opens the stream, for example resuming after the last event seen. */
    SseStream open() throws IOException;

    /** Once the stream is open, before its events; true when it made progress (a full load). */
    default boolean opened() throws IOException {
      return false;
    }

    void event(SseStream.Event event);

    /** The stream broke; a new one is opened after the backoff. */
    default void disconnected() {}
  }

  private final String name;
  private final Subscriber subscriber;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;
  private volatile SseStream stream;

  private SseFollower(String name, Subscriber subscriber) {
    this.name = name;
    this.subscriber = subscriber;
    this.thread = Thread.ofVirtual().name(name).unstarted(this::run);
  }

  /** Starts following; {@code name} names the thread and the log lines. */
  public static SseFollower start(String name, Subscriber subscriber) {
    SseFollower follower = new SseFollower(name, subscriber);
    follower.thread.start();
    return follower;
  }

  private void run() {
    Duration backoff = MIN_BACKOFF;
    String reason = "closed";
    while (!closed.get()) {
      try {
        if (follow()) {
          backoff = MIN_BACKOFF;
        }
        reason = "stream ended";
      } catch (IOException | RuntimeException e) {
        reason = String.valueOf(e.getMessage());
      }
      if (closed.get()) {
        break;
      }
      subscriber.disconnected();
      LOG.info("stream={} event=reconnecting in={} reason=\"{}\"", name, backoff, reason);
      if (!pause(backoff)) {
        break;
      }
      backoff = next(backoff);
    }
    LOG.info("stream={} event=stopped reason=\"{}\"", name, closed.get() ? "closed" : reason);
  }

  static Duration next(Duration backoff) {
    Duration doubled = backoff.multipliedBy(2);
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  /** One connection, until its stream ends; true when it made progress. */
  private boolean follow() throws IOException {
    try (SseStream events = subscriber.open()) {
      stream = events;
      if (closed.get()) {
        return false;
      }
      boolean progress = subscriber.opened();
      Optional<SseStream.Event> next;
      while (!closed.get() && (next = events.next()).isPresent()) {
        subscriber.event(next.get());
        progress = true;
      }
      return progress;
    }
  }

  private static boolean pause(Duration d) {
    try {
      Thread.sleep(d);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    SseStream s = stream;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.debug("stream={} event=close-failed", name, e);
      }
    }
    thread.interrupt();
  }
}
