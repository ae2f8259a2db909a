package flynn.host.stack;

import java.time.Duration;

/** A build's duration as a person reads it: {@code 42 s}, {@code 2 min 05 s}. */
final class Elapsed {
  private Elapsed() {}

  static String format(Duration elapsed) {
    long seconds = Math.round(elapsed.toMillis() / 1000.0);
    if (seconds < 60) {
      return seconds + " s";
    }
    return String.format("%d min %02d s", seconds / 60, seconds % 60);
  }

  static String megabytes(long bytes) {
    return Math.round(bytes / 1_000_000.0) + " MB";
  }
}
