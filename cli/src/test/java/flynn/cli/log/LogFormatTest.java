package flynn.cli.log;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.Json;
import flynn.api.controller.LogLine;
import org.junit.jupiter.api.Test;

class LogFormatTest {
  /** A line as Flynn's controller example sends it. */
  static final String WIRE =
      "{\"host_id\":\"host\",\"job_id\":\"host-9869a97a\",\"msg\":\"request completed\","
          + "\"process_type\":\"web\",\"source\":\"app\",\"stream\":\"stdout\","
          + "\"timestamp\":\"2015-12-16T02:20:56.663589985Z\"}";

  @Test
  void printsFlynnsPrefixWithMicrosecondTimestamp() {
    LogLine line = Json.read(WIRE, LogLine.class);

    assertThat(LogFormat.line(line, false))
        .isEqualTo("2015-12-16T02:20:56.663589Z app[web.host-9869a97a]: request completed");
    assertThat(LogFormat.line(line, true)).isEqualTo("request completed");
  }

  @Test
  void keepsTheOffsetAndPadsDecimals() {
    LogLine line =
        Json.read(
            "{\"job_id\":\"j\",\"msg\":\"m\",\"process_type\":\"run\","
                + "\"timestamp\":\"2020-01-02T03:04:05.1+02:00\"}",
            LogLine.class);

    assertThat(LogFormat.line(line, false))
        .isEqualTo("2020-01-02T03:04:05.100000+02:00 app[run.j]: m");
  }
}
