package flynn.host.logs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.Json;
import flynn.api.controller.LogLine;
import flynn.host.run.StdStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private LogStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static LogLine line(String job, String type, String msg) {
    return new LogLine(
        "h1", job, msg, type, "app", "stdout", CLOCK.instant().atOffset(ZoneOffset.UTC));
  }

  @Test
  void aJobsOutputBecomesJsonLinesInItsAppsFile() throws IOException {
    store = new LogStore(dir);
    JobLog sink = new JobLog(store, CLOCK, "app1", "h1", "j1", "web");

    sink.line(StdStream.STDOUT, "hello");
    sink.line(StdStream.STDERR, "oops");

    assertThat(Files.readAllLines(dir.resolve("app1.log")))
        .extracting(text -> Json.read(text, LogLine.class))
        .containsExactly(
            new LogLine(
                "h1",
                "j1",
                "hello",
                "web",
                "app",
                "stdout",
                CLOCK.instant().atOffset(ZoneOffset.UTC)),
            new LogLine(
                "h1",
                "j1",
                "oops",
                "web",
                "app",
                "stderr",
                CLOCK.instant().atOffset(ZoneOffset.UTC)));
  }

  @Test
  void tailGivesTheLastLinesThatMatchTheFilter() {
    store = new LogStore(dir);
    for (int i = 0; i < 5; i++) {
      store.append("app1", line(i % 2 == 0 ? "even" : "odd", "web", "m" + i));
    }

    assertThat(store.tail("app1", LogFilter.ALL, 2))
        .extracting(LogLine::msg)
        .containsExactly("m3", "m4");
    assertThat(store.tail("app1", new LogFilter("even", null), 0))
        .extracting(LogLine::msg)
        .containsExactly("m0", "m2", "m4");
    assertThat(store.tail("app1", new LogFilter(null, "worker"), 0)).isEmpty();
    assertThat(store.tail("nothing-logged", LogFilter.ALL, 0)).isEmpty();
  }

  @Test
  void rotatesBeforeTheLimitKeepingOnePreviousFile() throws IOException {
    long lineBytes = (Json.write(line("j1", "web", "m00")) + "\n").length();
    store = new LogStore(dir, lineBytes * 3);

    for (int i = 0; i < 10; i++) {
      store.append("app1", line("j1", "web", String.format("m%02d", i)));
    }

    assertThat(Files.size(dir.resolve("app1.log"))).isLessThanOrEqualTo(lineBytes * 3);
    assertThat(Files.size(dir.resolve("app1.log.1"))).isEqualTo(lineBytes * 3);
    assertThat(Files.exists(dir.resolve("app1.log.2"))).isFalse();
    assertThat(store.tail("app1", LogFilter.ALL, 0))
        .extracting(LogLine::msg)
        .containsExactly("m06", "m07", "m08", "m09");
  }

  @Test
  void followersGetTheLastLinesThenEachNewMatchingLine() throws InterruptedException {
    store = new LogStore(dir);
    store.append("app1", line("j1", "web", "old1"));
    store.append("app1", line("j1", "web", "old2"));

    LogStore.Following following = store.follow("app1", new LogFilter("j1", null), 1);
    store.append("app1", line("j2", "web", "other job"));
    store.append("app1", line("j1", "web", "new"));

    assertThat(following.history()).extracting(LogLine::msg).containsExactly("old2");
    assertThat(following.live().poll(Duration.ZERO))
        .hasValueSatisfying(l -> assertThat(l.msg()).isEqualTo("new"));
    assertThat(following.live().poll(Duration.ZERO)).isEmpty();
  }

  @Test
  void aLineCutShortByACrashIsSkipped() throws IOException {
    Files.writeString(
        dir.resolve("app1.log"), Json.write(line("j1", "web", "whole")) + "\n{\"msg\":\"cut");
    store = new LogStore(dir);

    assertThat(store.tail("app1", LogFilter.ALL, 0))
        .extracting(LogLine::msg)
        .containsExactly("whole");
  }

  @Test
  void appIdsCannotEscapeTheLogDirectory() {
    assertThat(LogFiles.fileName("../../etc/passwd")).isEqualTo("_.._.._etc_passwd");
    assertThat(LogFiles.fileName("..")).isEqualTo("_..");
    assertThat(LogFiles.fileName("5b8e-app_1.x")).isEqualTo("5b8e-app_1.x");
  }

  @Test
  void rotationIsDueOnlyWhenANonEmptyFileWouldPassTheLimit() {
    assertThat(Rotation.isDue(0, 100, 10)).isFalse();
    assertThat(Rotation.isDue(5, 5, 10)).isFalse();
    assertThat(Rotation.isDue(6, 5, 10)).isTrue();
    assertThat(Rotation.MAX_FILE_BYTES).isEqualTo(10L * 1024 * 1024);
  }
}
