package flynn.host.health;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.host.HealthCheck;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpReplyTest {
  private static CheckSpec spec(Integer status, String match) {
    return CheckSpec.of(
        new HealthCheck("http", null, null, null, null, "/health", null, match, status));
  }

  private static byte[] reply(int status, String body) {
    return ("HTTP/1.0 " + status + " X\r\nContent-Type: text/plain\r\n\r\n" + body)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anExpectedStatusPasses() {
    assertThat(HttpReply.judge(spec(null, null), reply(200, "")).passed()).isTrue();
    assertThat(HttpReply.judge(spec(null, null), reply(301, "")).passed()).isTrue();
  }

  @Test
  void anUnexpectedStatusFailsSayingWhatWasExpected() {
    ProbeResult r = HttpReply.judge(spec(null, null), reply(503, "down"));

    assertThat(r.passed()).isFalse();
    assertThat(r.error()).isEqualTo("GET /health: status 503, expected 2xx or 3xx");
  }

  @Test
  void theBodyMustContainTheMatchWhenOneIsGiven() {
    CheckSpec spec = spec(200, "\"status\":\\s*\"ok\"");

    assertThat(HttpReply.judge(spec, reply(200, "{\"status\": \"ok\"}")).passed()).isTrue();
    ProbeResult r = HttpReply.judge(spec, reply(200, "{\"status\": \"degraded\"}"));
    assertThat(r.passed()).isFalse();
    assertThat(r.error()).contains("body does not match");
  }

  @Test
  void onlyTheFirst5KiBOfTheBodyIsMatched() {
    CheckSpec spec = spec(null, "needle");
    String late = "x".repeat(HttpProbe.BODY_LIMIT) + "needle";

    assertThat(HttpReply.judge(spec, reply(200, late)).passed()).isFalse();
    assertThat(HttpReply.judge(spec, reply(200, "a needle")).passed()).isTrue();
  }

  @Test
  void somethingThatIsNotHttpFails() {
    ProbeResult r = HttpReply.judge(spec(null, null), "SSH-2.0-OpenSSH\r\n".getBytes());

    assertThat(r.passed()).isFalse();
    assertThat(r.error()).contains("not an HTTP reply");
  }

  @Test
  void aReplyIsCompleteAtItsHeadUnlessTheBodyIsToBeMatched() {
    byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n".getBytes();
    byte[] whole = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello".getBytes();
    byte[] partial = "HTTP/1.1 200 OK\r\nContent".getBytes();

    assertThat(HttpReply.complete(partial, partial.length, false)).isFalse();
    assertThat(HttpReply.complete(head, head.length, false)).isTrue();
    assertThat(HttpReply.complete(head, head.length, true)).isFalse();
    assertThat(HttpReply.complete(whole, whole.length, true)).isTrue();
  }
}
