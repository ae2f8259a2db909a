package flynn.router.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access lines on its own thread so that event loops never wait for the log: {@link #offer}
 * only enqueues, and drops the line (counted, reported later) when the queue is full. The thread
 * waits for a first line, then lets a batch gather for a moment, so a busy router wakes it about a
 * hundred times a second rather than once a request, and hands each batch to its sink at once.
 */
final class AccessLogWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AccessLogWriter.class);
  private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final int BATCH = 4096;

  private final BlockingQueue<AccessLine> queue;
  private final Consumer<List<AccessLine>> sink;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;

  /** {@code sink} gets each batch in order; it must not keep the list, which is reused. */
  AccessLogWriter(int capacity, Consumer<List<AccessLine>> sink) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.sink = sink;
    this.thread = Thread.ofPlatform().name("router-access-log").daemon().start(this::run);
  }

  /** Enqueues {@code line}; never blocks. */
  void offer(AccessLine line) {
    if (closed || !queue.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  /** Lines dropped so far because the writer fell behind (or was closed). */
  long dropped() {
    return dropped.get();
  }

  private void run() {
    List<AccessLine> batch = new ArrayList<>(BATCH);
    long reportedDrops = 0;
    try {
      while (!closed) {
        AccessLine first = queue.take();
        LockSupport.parkNanos(GATHER_NANOS);
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
        reportedDrops = reportDrops(reportedDrops);
      }
    } catch (InterruptedException e) {
      LOG.info("access log writer stopped reason={}", closed ? "closed" : "interrupted");
    } catch (RuntimeException e) {
      LOG.error("access log writer died reason={}", e.toString(), e);
    } finally {
      queue.drainTo(batch);
      write(batch);
    }
  }

  private void write(List<AccessLine> batch) {
    if (!batch.isEmpty()) {
      sink.accept(batch);
      batch.clear();
    }
  }

  private long reportDrops(long reported) {
    long now = dropped.get();
    if (now > reported) {
      LOG.warn("access log lines dropped count={} total={}", now - reported, now);
    }
    return now;
  }

  /** Stops the thread after it has written what was queued. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
