package flynn.controller.events;

import flynn.controller.ControllerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes event streams when PostgreSQL announces a committed event ({@code LISTEN events}), so
 * several controllers can serve one database and no stream polls. Streams wait on a generation
 * number and then read the rows themselves.
 */
public final class EventBus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
  private static final int POLL_MILLIS = 500;
  private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

  private final ControllerConfig config;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;
  private long generation;

  public EventBus(ControllerConfig config) {
    this.config = config;
    this.thread =
        Thread.ofPlatform().daemon().name("controller-event-listener").unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  /** A number that grows whenever new events may have committed. */
  public long generation() {
    lock.lock();
    try {
      return generation;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the generation moves past {@code seen}, the bus closes, or {@code max} passes.
   *
   * @return true when there may be new events
   */
  public boolean awaitChange(long seen, Duration max) throws InterruptedException {
    long nanos = max.toNanos();
    lock.lock();
    try {
      while (generation == seen && !closed.get() && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      return generation != seen;
    } finally {
      lock.unlock();
    }
  }

  public boolean isClosed() {
    return closed.get();
  }

  private void run() {
    String why = "closed";
    try {
      while (!closed.get()) {
        try {
          listen();
        } catch (SQLException e) {
          if (!closed.get()) {
            LOG.warn("event listener lost its connection error={}", e.getMessage());
            TimeUnit.MILLISECONDS.sleep(RECONNECT_DELAY.toMillis());
          }
        }
      }
    } catch (InterruptedException e) {
      why = "interrupted";
    } catch (RuntimeException e) {
      why = "failed: " + e;
      LOG.error("event listener failed", e);
    } finally {
      LOG.info("event listener stopped reason={}", why);
      bump();
    }
  }

  private void listen() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(config.jdbcUrl(), config.dbUser(), config.dbPassword());
        Statement s = c.createStatement()) {
      s.execute("LISTEN events");
      PGConnection pg = c.unwrap(PGConnection.class);
      bump(); // anything committed while we were not listening is read by the streams now
      while (!closed.get()) {
        PGNotification[] ns = pg.getNotifications(POLL_MILLIS);
        if (ns != null && ns.length > 0) {
          bump();
        }
      }
    }
  }

  private void bump() {
    lock.lock();
    try {
      generation++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Stops listening and wakes every waiting stream, which then ends. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    bump();
    try {
      thread.join(Duration.ofMillis(2L * POLL_MILLIS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
