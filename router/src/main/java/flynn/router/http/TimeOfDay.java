package flynn.router.http;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes a time as {@code HH:mm:ss.SSS} in a zone, as flynn-host's log lines start. The text up to
 * the second is formatted once per second and reused: a busy router writes tens of thousands of
 * access lines a second, and a formatter per line was a fifth of the access-log thread's time. Not
 * thread-safe: one per writer thread.
 */
final class TimeOfDay {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss.");

  private final DateTimeFormatter seconds;
  private long second = Long.MIN_VALUE;
  private String secondText;

  TimeOfDay(ZoneId zone) {
    this.seconds = SECONDS.withZone(zone);
  }

  /** Appends {@code epochMillis} as {@code HH:mm:ss.SSS}. */
  void appendTo(StringBuilder out, long epochMillis) {
    long s = Math.floorDiv(epochMillis, 1000);
    if (s != second) {
      second = s;
      secondText = seconds.format(Instant.ofEpochSecond(s));
    }
    int millis = Math.floorMod(epochMillis, 1000);
    out.append(secondText).append((char) ('0' + millis / 100));
    out.append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
  }
}
