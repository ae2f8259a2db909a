package flynn.cli.log;

import flynn.api.controller.LogLine;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Flynn's log line: {@code <timestamp> <source>[<type>.<job>]: <msg>}, or the bare message. */
public final class LogFormat {
  /** RFC 3339 with exactly six decimals, as Flynn prints it. */
  static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

  private static final OffsetDateTime ZERO_TIME =
      OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private LogFormat() {}

  public static String line(LogLine l, boolean raw) {
    String msg = l.msg() == null ? "" : l.msg();
    if (raw) {
      return msg;
    }
    OffsetDateTime ts = l.timestamp() == null ? ZERO_TIME : l.timestamp();
    String source = l.source() == null || l.source().isEmpty() ? "app" : l.source();
    return MICROS.format(ts)
        + " "
        + source
        + "["
        + orEmpty(l.processType())
        + "."
        + orEmpty(l.jobId())
        + "]: "
        + msg;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
