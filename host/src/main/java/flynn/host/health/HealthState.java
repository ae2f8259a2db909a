package flynn.host.health;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a job's health check stands, and how one probe result moves it: Flynn's monitor as a pure
 * function. A starting job is up at its first pass, or never up once its start timeout passes
 * without one; after that {@code threshold} failures in a row take it down and as many passes bring
 * it back.
 *
 * @param passes passes in a row
 * @param fails failures in a row
 * @param lastError the last failure's reason, null before any
 * @param since when the current phase began
 */
public record HealthState(Phase phase, int passes, int fails, String lastError, Instant since) {

  public enum Phase {
    STARTING,
    UP,
    DOWN,
    NEVER_UP
  }

  /** How often a starting job is probed: very often at first (most listen within a second). */
  static final Duration EAGER_INTERVAL = Duration.ofMillis(10);

  static final Duration EAGER_PERIOD = Duration.ofSeconds(1);

  static final Duration START_INTERVAL = Duration.ofMillis(100);

  public static HealthState starting(Instant now) {
    return new HealthState(Phase.STARTING, 0, 0, null, now);
  }

  /** A check that has just passed. */
  public static HealthState up(Instant now) {
    return new HealthState(Phase.UP, 1, 0, null, now);
  }

  public HealthState next(CheckSpec spec, ProbeResult result, Instant now) {
    return switch (phase) {
      case STARTING -> result.passed() ? enter(Phase.UP, now) : startFailed(spec, result, now);
      case UP -> result.passed() ? passed() : failedWhile(Phase.UP, spec, result, now);
      case DOWN ->
          result.passed() ? recovering(spec, now) : failedWhile(Phase.DOWN, spec, result, now);
      case NEVER_UP -> this;
    };
  }

  /** How long to wait before the next probe. */
  public Duration delay(CheckSpec spec, Instant now) {
    if (phase != Phase.STARTING) {
      return spec.interval();
    }
    return Duration.between(since, now).compareTo(EAGER_PERIOD) < 0
        ? EAGER_INTERVAL
        : START_INTERVAL;
  }

  /** Why the job is not healthy, for its error and the logs; null when it is. */
  public String problem(CheckSpec spec) {
    return switch (phase) {
      case STARTING, UP -> null;
      case DOWN -> "health check failed " + spec.threshold() + " times in a row: " + lastError;
      case NEVER_UP ->
          "health check did not pass within " + seconds(spec.startTimeout()) + ": " + lastError;
    };
  }

  private HealthState startFailed(CheckSpec spec, ProbeResult result, Instant now) {
    Phase next =
        Duration.between(since, now).compareTo(spec.startTimeout()) >= 0
            ? Phase.NEVER_UP
            : Phase.STARTING;
    return new HealthState(next, 0, fails + 1, result.error(), next == phase ? since : now);
  }

  private HealthState passed() {
    return new HealthState(phase, passes + 1, 0, lastError, since);
  }

  private HealthState recovering(CheckSpec spec, Instant now) {
    return passes + 1 >= spec.threshold()
        ? enter(Phase.UP, now)
        : new HealthState(Phase.DOWN, passes + 1, 0, lastError, since);
  }

  private HealthState failedWhile(Phase current, CheckSpec spec, ProbeResult r, Instant now) {
    int failures = fails + 1;
    if (current == Phase.UP && failures >= spec.threshold()) {
      return new HealthState(Phase.DOWN, 0, failures, r.error(), now);
    }
    return new HealthState(current, 0, failures, r.error(), since);
  }

  private HealthState enter(Phase next, Instant now) {
    return new HealthState(next, 1, 0, lastError, now);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
