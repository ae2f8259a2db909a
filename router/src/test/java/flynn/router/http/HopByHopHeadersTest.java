package flynn.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class HopByHopHeadersTest {
  @Test
  void removesConnectionHeadersAndThoseItNames() {
    HttpHeaders h =
        new DefaultHttpHeaders()
            .set("Connection", "keep-alive, X-Secret")
            .set("Keep-Alive", "timeout=5")
            .set("X-Secret", "s")
            .set("TE", "trailers")
            .set("Upgrade", "h2c")
            .set("Transfer-Encoding", "chunked")
            .set("Accept", "*/*");

    HopByHopHeaders.strip(h, false);

    assertThat(h.names()).containsExactlyInAnyOrder("Transfer-Encoding", "Accept");
  }

  @Test
  void aBackendsUsualConnectionKeepAliveIsTheOnlyHeaderRemoved() {
    HttpHeaders h =
        new DefaultHttpHeaders()
            .set("Server", "nginx")
            .set("Content-Length", "100")
            .set("connection", "keep-alive");

    HopByHopHeaders.strip(h, false);

    assertThat(h.names()).containsExactlyInAnyOrder("Server", "Content-Length");
  }

  @Test
  void everyHopByHopHeaderGoesWhetherOrNotConnectionNamesIt() {
    HttpHeaders h =
        new DefaultHttpHeaders()
            .set("Proxy-Connection", "keep-alive")
            .set("Proxy-Authorization", "Basic eDp5")
            .set("Proxy-Authenticate", "Basic")
            .set("Trailer", "Expires")
            .set("Connection", "close, Proxy-Authorization")
            .set("ETag", "\"x\"");

    HopByHopHeaders.strip(h, false);

    assertThat(h.names()).containsExactly("ETag");
  }

  @Test
  void anUpgradeKeepsConnectionUpgradeAndTheUpgradeHeader() {
    HttpHeaders h =
        new DefaultHttpHeaders()
            .set("Connection", "keep-alive, Upgrade")
            .set("Upgrade", "websocket")
            .set("Sec-WebSocket-Key", "k");

    assertThat(HopByHopHeaders.isUpgrade(h)).isTrue();
    HopByHopHeaders.strip(h, true);

    assertThat(h.get("Connection")).isEqualTo("upgrade");
    assertThat(h.get("Upgrade")).isEqualTo("websocket");
    assertThat(h.get("Sec-WebSocket-Key")).isEqualTo("k");
  }

  @Test
  void aCleartextHttp2OfferIsNoUpgradeAndIsDropped() {
    HttpHeaders h =
        new DefaultHttpHeaders()
            .set("Connection", "Upgrade, HTTP2-Settings")
            .set("Upgrade", "h2c")
            .set("HTTP2-Settings", "AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA");

    assertThat(HopByHopHeaders.isUpgrade(h)).isFalse();
    HopByHopHeaders.strip(h, false);

    assertThat(h.isEmpty()).isTrue();
  }

  @Test
  void anUpgradeHeaderWithoutConnectionUpgradeIsNoUpgrade() {
    assertThat(HopByHopHeaders.isUpgrade(new DefaultHttpHeaders().set("Upgrade", "websocket")))
        .isFalse();
  }
}
