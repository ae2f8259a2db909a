package flynn.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessLineTest {
  private final TimeOfDay utc = new TimeOfDay(ZoneOffset.UTC);

  @Test
  void aLineReadsLikeFlynnHostsOtherLogLinesWithEveryFieldAsKeyValue() {
    StringBuilder out = new StringBuilder();
    new AccessLine(
            3_723_004L,
            "demo",
            "http/r1",
            "GET",
            "demo.localhost",
            "/a?b=1",
            200,
            100,
            3,
            "127.0.0.1:5000",
            "id-1")
        .appendTo(out, utc);
    assertThat(out)
        .hasToString(
            "01:02:03.004 INFO  access: request app=demo route=http/r1 method=GET"
                + " host=demo.localhost path=/a?b=1 status=200 bytes=100 duration_ms=3"
                + " backend=127.0.0.1:5000 request_id=id-1\n");
  }

  @Test
  void linesAppendedOneAfterAnotherStayOnePerRow() {
    StringBuilder out = new StringBuilder();
    AccessLine line = new AccessLine(0, "-", "-", "GET", "-", "/", 404, 0, 0, "-", "id");
    line.appendTo(out, utc);
    line.appendTo(out, utc);
    assertThat(out.toString().lines()).hasSize(2).allMatch(l -> l.contains(" status=404 "));
    assertThat(out.toString()).endsWith("\n");
  }
}
