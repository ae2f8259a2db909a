package flynn.scheduler.io;

import flynn.api.http.SseStream;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a Server-Sent Events stream on its own named virtual thread and reconnects with backoff
 * whenever it ends or fails. After each (re)connect {@link Handler#connected()} runs first, so the
 * handler can resync what it may have missed.
 */
public final class StreamFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamFollower.class);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

  /** Opens the stream; throws when it cannot. */
  @FunctionalInterface
  public interface Source {
    SseStream open();
  }

  /** Receives a stream's lifecycle and events; both run on the follower's thread. */
  public interface Handler {
    void connected();

    void event(SseStream.Event event);
  }

  private final String name;
  private final Source source;
  private final Handler handler;
  private final Backoff backoff;
  private final Lifecycle lifecycle;
  private volatile SseStream current;
  private volatile Thread thread;

  public StreamFollower(String name, Source source, Handler handler, Backoff backoff) {
    this.name = name;
    this.source = source;
    this.handler = handler;
    this.backoff = backoff;
    this.lifecycle = new Lifecycle(name);
  }

  public void start() {
    lifecycle.start();
    thread = Thread.ofVirtual().name(name).start(this::run);
  }

  private void run() {
    int attempt = 0;
    String why = "closed";
    while (!lifecycle.isClosed()) {
      try (SseStream stream = source.open()) {
        current = stream;
        handler.connected();
        attempt = 0;
        follow(stream);
        why = "stream ended";
      } catch (Exception e) {
        why = String.valueOf(e.getMessage());
      }
      if (lifecycle.isClosed()) {
        break;
      }
      log.warn(
          "stream={} event=disconnected reason=\"{}\" retry_in={}",
          name,
          why,
          backoff.delay(attempt));
      if (!backoff.pause(attempt++)) {
        break;
      }
    }
    log.info("stream={} event=stopped reason=closed", name);
  }

  private void follow(SseStream stream) throws java.io.IOException {
    Optional<SseStream.Event> event;
    while (!lifecycle.isClosed() && (event = stream.next()).isPresent()) {
      try {
        handler.event(event.get());
      } catch (RuntimeException e) {
        log.warn("stream={} event=bad_event error=\"{}\"", name, e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    if (!lifecycle.close()) {
      return;
    }
    SseStream stream = current;
    if (stream != null) {
      try {
        stream.close();
      } catch (java.io.IOException | RuntimeException e) {
        log.debug("stream={} event=close_failed error=\"{}\"", name, e.getMessage());
      }
    }
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(JOIN_TIMEOUT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
