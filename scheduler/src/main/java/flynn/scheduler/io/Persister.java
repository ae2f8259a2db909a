package flynn.scheduler.io;

import flynn.api.http.ApiException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the controller in submission order on one named thread, retrying each write with
 * backoff while the controller is unreachable or failing (5xx), so no state change is lost or
 * reordered. A write the controller rejects (4xx) is logged and dropped.
 */
public final class Persister implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Persister.class);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

  /** One write: a description for the logs and the call that makes it. */
  record Write(String what, Runnable call) {}

  private final String name;
  private final Backoff backoff;
  private final Lifecycle lifecycle;
  private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
  private volatile Thread thread;

  public Persister(String name, Backoff backoff) {
    this.name = name;
    this.backoff = backoff;
    this.lifecycle = new Lifecycle(name);
  }

  public void start() {
    lifecycle.start();
    thread = Thread.ofVirtual().name(name).start(this::run);
  }

  public void submit(String what, Runnable call) {
    queue.add(new Write(what, call));
  }

  public int backlog() {
    return queue.size();
  }

  private void run() {
    String why = "closed";
    try {
      while (!lifecycle.isClosed()) {
        Write write = queue.take();
        if (!persist(write)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      why = String.valueOf(e);
      log.error("persister={} event=died reason=\"{}\"", name, why, e);
    }
    log.info("persister={} event=stopped reason=\"{}\" unsaved={}", name, why, queue.size());
  }

  /** False when interrupted while retrying (closing). */
  private boolean persist(Write write) {
    for (int attempt = 0; ; attempt++) {
      try {
        write.call().run();
        return true;
      } catch (ApiException e) {
        if (e.status() < 500 && e.status() != 429) {
          log.warn(
              "persister={} event=rejected write=\"{}\" error=\"{}\"",
              name,
              write.what(),
              e.getMessage());
          return true;
        }
        log.warn(
            "persister={} event=retry write=\"{}\" attempt={} error=\"{}\"",
            name,
            write.what(),
            attempt + 1,
            e.getMessage());
      } catch (RuntimeException e) {
        log.warn(
            "persister={} event=retry write=\"{}\" attempt={} error=\"{}\"",
            name,
            write.what(),
            attempt + 1,
            e.toString());
      }
      if (!backoff.pause(attempt)) {
        return false;
      }
    }
  }

  @Override
  public void close() {
    if (!lifecycle.close()) {
      return;
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
