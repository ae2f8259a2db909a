package flynn.controller.logs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.LogLine;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogMergeTest {
  private static LogLine line(String host, String msg, int second) {
    return new LogLine(
        host,
        "j",
        msg,
        "web",
        "app",
        "stdout",
        OffsetDateTime.parse("2024-01-01T00:00:00Z").plusSeconds(second));
  }

  @Test
  void hostsAreMergedByTimeAndOnlyTheLastLinesKept() {
    List<LogLine> a = List.of(line("a", "a1", 1), line("a", "a3", 3));
    List<LogLine> b = List.of(line("b", "b2", 2), line("b", "b4", 4));

    assertThat(LogMerge.tail(List.of(a, b), 3))
        .extracting(LogLine::msg)
        .containsExactly("b2", "a3", "b4");
    assertThat(LogMerge.tail(List.of(a, b), 0))
        .extracting(LogLine::msg)
        .containsExactly("a1", "b2", "a3", "b4");
  }

  @Test
  void followedLinesAreNewOnlyAfterTheHostsNewestSentLine() {
    OffsetDateTime cutoff = LogMerge.newest(List.of(line("a", "x", 1), line("a", "y", 5)));

    assertThat(LogMerge.isAfter(line("a", "old", 5), cutoff)).isFalse();
    assertThat(LogMerge.isAfter(line("a", "new", 6), cutoff)).isTrue();
    assertThat(LogMerge.isAfter(line("a", "any", 0), null)).isTrue();
  }
}
