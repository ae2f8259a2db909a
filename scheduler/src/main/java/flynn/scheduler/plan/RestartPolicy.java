package flynn.scheduler.plan;

import java.time.Duration;
import java.time.Instant;

/**
 * Flynn's restart backoff for formation jobs that stop unexpectedly: no delay for the first 5
 * restarts, 10 s up to 15, then 30 s. A job that stayed up for 5 minutes starts the count afresh.
 */
public final class RestartPolicy {
  static final Duration STABLE_UPTIME = Duration.ofMinutes(5);

  private RestartPolicy() {}

  /** The replacement for a crashed job: its restart count and the earliest time it may start. */
  public record Restart(int restarts, Instant notBefore) {}

  public static Duration backoff(int restarts) {
    if (restarts < 5) {
      return Duration.ZERO;
    }
    return restarts < 15 ? Duration.ofSeconds(10) : Duration.ofSeconds(30);
  }

  public static Restart after(JobState crashed, Instant now) {
    Instant down = crashed.downAt() == null ? now : crashed.downAt();
    int previous = wasStable(crashed, down) ? 0 : crashed.restarts();
    return new Restart(previous + 1, down.plus(backoff(previous)));
  }

  private static boolean wasStable(JobState job, Instant down) {
    return job.upAt() != null
        && !Duration.between(job.upAt(), down).minus(STABLE_UPTIME).isNegative();
  }
}
