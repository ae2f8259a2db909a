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
  /** How often the port is tried. */
  static final Duration INTERVAL = Duration.ofMillis(100);

  private PortProbe() {}

  /**
   * Tries {@code host:port} every {@link #INTERVAL} until it accepts, {@code timeout} passes, or
   * {@code exited} completes (the job died, so it never will).
   */
  static boolean awaitOpen(String host, int port, Duration timeout, Future<?> exited) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!exited.isDone()) {
      if (accepts(host, port)) {
        return true;
      }
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      waitFor(exited, INTERVAL);
    }
    return false;
  }

  private static boolean accepts(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), (int) INTERVAL.toMillis());
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
