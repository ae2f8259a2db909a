package flynn.host.jobs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a job's port to accept TCP connections. */
final class PortProbe {
  /**
   * How often the port is tried: every {@link #FIRST_INTERVAL} during the {@link #EAGER} period
   * (most servers listen within it, and a refused connect costs microseconds), then at doubling
   * intervals up to {@link #MAX_INTERVAL}.
   */
  static final Duration FIRST_INTERVAL = Duration.ofMillis(10);

  static final Duration EAGER = Duration.ofSeconds(1);

  static final Duration MAX_INTERVAL = Duration.ofMillis(100);

  private PortProbe() {}

  /**
   * Tries {@code host:port}, at growing intervals, until it accepts, {@code timeout} passes, or
   * {@code exited} completes (the job died, so it never will).
   */
  static boolean awaitOpen(String host, int port, Duration timeout, Future<?> exited) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Duration interval = FIRST_INTERVAL;
    while (!exited.isDone()) {
      if (accepts(host, port)) {
        return true;
      }
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      waitFor(exited, interval);
      interval = next(interval, Duration.ofNanos(System.nanoTime() - start));
    }
    return false;
  }

  static Duration next(Duration interval, Duration elapsed) {
    if (elapsed.compareTo(EAGER) < 0) {
      return FIRST_INTERVAL;
    }
    Duration doubled = interval.multipliedBy(2);
    return doubled.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : doubled;
  }

  private static boolean accepts(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), (int) MAX_INTERVAL.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Waits out one interval, returning early when the job exits. */
  private static void waitFor(Future<?> exited, Duration interval) {
    try {
      exited.get(interval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // interval over, or the job is gone: the loop checks
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
