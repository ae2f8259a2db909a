package flynn.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardedHeadersTest {
  private static final ForwardedHeaders.Origin ORIGIN =
      new ForwardedHeaders.Origin("10.0.0.7", "https", 443);

  @Test
  void setsProtoPortStartAndAppendsClientToForwardedFor() {
    HttpHeaders h = new DefaultHttpHeaders().set("X-Forwarded-For", "203.0.113.1");

    ForwardedHeaders.apply(h, ORIGIN, 1_700_000_000_123L, () -> "new-id");

    assertThat(h.get("X-Forwarded-For")).isEqualTo("203.0.113.1, 10.0.0.7");
    assertThat(h.get("X-Forwarded-Proto")).isEqualTo("https");
    assertThat(h.get("X-Forwarded-Port")).isEqualTo("443");
    assertThat(h.get("X-Request-Start")).isEqualTo("1700000000123");
  }

  @Test
  void forwardedForIsTheClientAloneWhenAbsent() {
    HttpHeaders h = new DefaultHttpHeaders();

    ForwardedHeaders.apply(h, ORIGIN, 0, () -> "new-id");

    assertThat(h.get("X-Forwarded-For")).isEqualTo("10.0.0.7");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "abcdefghij0123456789, abcdefghij0123456789",
    "ab+/=-cdefghij0123456789, ab+/=-cdefghij0123456789",
    "too-short-id, new-id",
    "has spaces in it but is long enough, new-id",
    "'', new-id",
  })
  void keepsAValidClientRequestIdElseMintsOne(String given, String expected) {
    HttpHeaders h = new DefaultHttpHeaders();
    if (!given.isEmpty()) {
      h.set("X-Request-Id", given);
    }

    String id = ForwardedHeaders.apply(h, ORIGIN, 0, () -> "new-id");

    assertThat(id).isEqualTo(expected);
    assertThat(h.get("X-Request-Id")).isEqualTo(expected);
  }

  @Test
  void aRequestIdOver200CharactersIsReplaced() {
    HttpHeaders h = new DefaultHttpHeaders().set("X-Request-Id", "a".repeat(201));

    assertThat(ForwardedHeaders.apply(h, ORIGIN, 0, () -> "new-id")).isEqualTo("new-id");
  }

  @Test
  void newRequestIdsAreDistinctVersion4Uuids() {
    String a = ForwardedHeaders.newRequestId();
    String b = ForwardedHeaders.newRequestId();

    assertThat(java.util.UUID.fromString(a).version()).isEqualTo(4);
    assertThat(java.util.UUID.fromString(a).variant()).isEqualTo(2);
    assertThat(a).isNotEqualTo(b);
  }
}
