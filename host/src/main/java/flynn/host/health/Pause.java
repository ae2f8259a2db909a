package flynn.host.health;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits between probes, ending early when {@code stop} completes. */
final class Pause {
  private Pause() {}

  /** False when the wait was ended by {@code stop} or an interrupt. */
  static boolean pause(Future<?> stop, Duration delay) {
    try {
      stop.get(delay.toMillis(), TimeUnit.MILLISECONDS);
      return false;
    } catch (TimeoutException e) {
      return true;
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
