package flynn.scheduler.io;

import java.time.Duration;

/**
 * Exponential backoff between retries: {@code initial}, doubled each attempt, at most {@code max}.
 */
public record Backoff(Duration initial, Duration max) {
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

  public Duration delay(int attempt) {
    long factor = 1L << Math.min(attempt, 20);
    Duration d = initial.multipliedBy(factor);
    return d.compareTo(max) > 0 ? max : d;
  }

  /** Sleeps for the attempt's delay; false when interrupted (the caller is closing). */
  public boolean pause(int attempt) {
    try {
      Thread.sleep(delay(attempt));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
