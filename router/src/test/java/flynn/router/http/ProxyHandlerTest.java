package flynn.router.http;

import static flynn.router.routes.TestRoutes.http;
import static org.assertj.core.api.Assertions.assertThat;

import flynn.router.backends.BackendSource;
import flynn.router.backends.RequestObserver;
import flynn.router.net.Transport;
import flynn.router.routes.LiveRoutes;
import flynn.router.routes.RouteTable;
import flynn.router.sticky.StickyCookies;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proxy's own answers, on an embedded channel: no sockets, no backends. */
class ProxyHandlerTest {
  private final LiveRoutes routes = new LiveRoutes();
  private final BackendSource noBackends = route -> List.of();
  private final HttpProxyConfig config = HttpProxyConfig.defaults();
  private final AccessLog accessLog = new AccessLog();
  private final HttpProxy proxy =
      new HttpProxy(
          routes,
          noBackends,
          new StickyCookies("k"),
          accessLog,
          config,
          Transport.NIO,
          Clock.systemUTC(),
          () -> 8443,
          RequestObserver.NONE);
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new HttpServerCodec(config.maxInitialLineLength(), config.maxHeaderSize(), 8192),
          proxy.newProxyHandler("http"));

  ProxyHandlerTest() {
    routes.replace(
        RouteTable.of(
            List.of(
                http("web", "demo.localhost", "/", "demo-web"),
                http("secure", "secure.localhost", "/", "secure-web").withHttpsRedirect(true))));
  }

  @AfterEach
  void noLeaks() {
    channel.finishAndReleaseAll();
    accessLog.close();
  }

  @Test
  void unknownHostIs404AndTheConnectionServesTheNextRequest() {
    send("GET / HTTP/1.1\r\nHost: nope.localhost\r\n\r\n");
    assertThat(response()).startsWith("HTTP/1.1 404 Not Found").contains("no route");

    send("GET / HTTP/1.1\r\nHost: demo.localhost\r\n\r\n");
    assertThat(response()).startsWith("HTTP/1.1 503 Service Unavailable");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() {
    send(
        "GET / HTTP/1.1\r\nHost: nope.localhost\r\n\r\n"
            + "GET / HTTP/1.1\r\nHost: demo.localhost\r\n\r\n");
    channel.runPendingTasks();

    String both = response() + response();
    assertThat(both.indexOf("404")).isLessThan(both.indexOf("503"));
  }

  @Test
  void oversizedHeadersAre431AndClose() {
    send("GET / HTTP/1.1\r\nHost: demo.localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");

    assertThat(response()).startsWith("HTTP/1.1 431");
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void malformedRequestIs400AndCloses() {
    send("GET / HTTP/1.1\r\nHost: demo.localhost\r\nno colon\r\n\r\n");

    assertThat(response()).startsWith("HTTP/1.1 400");
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void http10ClientWithoutKeepAliveIsClosedAfterTheAnswer() {
    send("GET / HTTP/1.0\r\nHost: nope.localhost\r\n\r\n");

    assertThat(response()).contains("404");
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void plainHttpOnARedirectRouteIs308ToHttpsKeepingPathQueryAndConnection() {
    send("POST /a/b?x=1 HTTP/1.1\r\nHost: secure.localhost:8080\r\nContent-Length: 0\r\n\r\n");

    assertThat(response())
        .startsWith("HTTP/1.1 308 Permanent Redirect")
        .contains("location: https://secure.localhost:8443/a/b?x=1");
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void acmeChallengesOnARedirectRouteAreNotRedirected() {
    send("GET /.well-known/acme-challenge/t0k3n HTTP/1.1\r\nHost: secure.localhost\r\n\r\n");

    assertThat(response()).startsWith("HTTP/1.1 503");
  }

  @Test
  void requestsThatCameOverHttpsAreNotRedirected() {
    EmbeddedChannel tls =
        new EmbeddedChannel(new HttpServerCodec(), proxy.newProxyHandler("https"));
    tls.writeInbound(
        Unpooled.copiedBuffer(
            "GET / HTTP/1.1\r\nHost: secure.localhost\r\n\r\n", StandardCharsets.ISO_8859_1));

    ByteBuf out = tls.readOutbound();
    assertThat(out.toString(StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 503");
    out.release();
    tls.finishAndReleaseAll();
  }

  private void send(String raw) {
    channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
  }

  /** The next response written, headers and body. */
  private String response() {
    StringBuilder out = new StringBuilder();
    ByteBuf buf;
    while ((buf = channel.readOutbound()) != null) {
      out.append(buf.toString(StandardCharsets.ISO_8859_1));
      buf.release();
      if (out.toString().endsWith("\n") && out.indexOf("\r\n\r\n") > 0) {
        break;
      }
    }
    return out.toString();
  }
}
