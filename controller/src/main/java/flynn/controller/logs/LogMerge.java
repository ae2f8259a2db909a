package flynn.controller.logs;

import flynn.api.controller.LogLine;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Merges the log lines of several hosts into one history. Pure. */
public final class LogMerge {
  private static final Comparator<LogLine> BY_TIME =
      Comparator.comparing(
          LogLine::timestamp, Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()));

  private LogMerge() {}

  /** All lines in time order (stable for equal times), keeping the last {@code lines} (0: all). */
  public static List<LogLine> tail(Collection<List<LogLine>> perHost, int lines) {
    List<LogLine> all = perHost.stream().flatMap(List::stream).sorted(BY_TIME).toList();
    return lines > 0 && all.size() > lines ? all.subList(all.size() - lines, all.size()) : all;
  }

  /** The newest timestamp among {@code lines}, or null. */
  public static OffsetDateTime newest(List<LogLine> lines) {
    return lines.stream()
        .map(LogLine::timestamp)
        .filter(t -> t != null)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /** Whether a streamed line is new, given the newest one already sent from its host. */
  public static boolean isAfter(LogLine line, OffsetDateTime cutoff) {
    return cutoff == null || line.timestamp() == null || line.timestamp().isAfter(cutoff);
  }
}
