package flynn.scheduler.io;

import flynn.api.http.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the controller, retrying each write with backoff while the controller is unreachable or
 * failing (5xx), so no state change is lost or reordered. A write the controller rejects (4xx) is
 * logged and dropped.
 *
 * <p>Writes with a key (a job's uuid) keep their order per key; writes of different keys that are
 * queued together go out in parallel, so a burst of job updates is not one round trip and one
 * commit after another. A write without a key is a barrier: it goes out alone, after everything
 * queued before it and before anything queued after it.
 */
public final class Persister implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Persister.class);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

  /** One write: its ordering key (null for a barrier), a description for the logs, the call. */
  record Write(String key, String what, Runnable call) {}

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

  /** Queues a write that keeps its order among the writes of the same key. */
  public void submit(String key, String what, Runnable call) {
    queue.add(new Write(key, what, call));
  }

  /** Queues a write that goes out after every write queued before it. */
  public void submitBarrier(String what, Runnable call) {
    queue.add(new Write(null, what, call));
  }

  public int backlog() {
    return queue.size();
  }

  private void run() {
    String why = "closed";
    try {
      while (!lifecycle.isClosed()) {
        List<Write> batch = new ArrayList<>();
        batch.add(queue.take());
        queue.drainTo(batch);
        if (!persistInOrder(batch)) {
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

  /** Runs a batch as segments: keyed writes in parallel per key, each barrier alone. */
  private boolean persistInOrder(List<Write> batch) throws InterruptedException {
    Map<String, List<Write>> segment = new LinkedHashMap<>();
    for (Write write : batch) {
      if (write.key() != null) {
        segment.computeIfAbsent(write.key(), k -> new ArrayList<>()).add(write);
        continue;
      }
      if (!persistInParallel(segment) || !persist(write)) {
        return false;
      }
      segment.clear();
    }
    return persistInParallel(segment);
  }

  private boolean persistInParallel(Map<String, List<Write>> byKey) throws InterruptedException {
    if (byKey.size() <= 1) {
      return byKey.values().stream().allMatch(this::persistAll);
    }
    List<Thread> threads = new ArrayList<>();
    AtomicBoolean interrupted = new AtomicBoolean();
    for (List<Write> writes : byKey.values()) {
      threads.add(
          Thread.ofVirtual()
              .name(name + "-write")
              .start(() -> {
                if (!persistAll(writes)) {
                  interrupted.set(true);
                }
              }));
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      throw e;
    }
    return !interrupted.get();
  }

  private boolean persistAll(List<Write> writes) {
    for (Write write : writes) {
      if (!persist(write)) {
        return false;
      }
    }
    return true;
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
