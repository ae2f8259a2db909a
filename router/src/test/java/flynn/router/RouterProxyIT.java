package flynn.router;

import static flynn.router.routes.TestRoutes.http;
import static flynn.router.routes.TestRoutes.sticky;
import static flynn.router.routes.TestRoutes.tcp;
import static flynn.router.routes.TestRoutes.withoutKeepAlives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.router.net.Transport;
import flynn.router.routes.RouteTable;
import flynn.router.testing.EchoSockets;
import flynn.router.testing.HttpBackend;
import flynn.router.testing.StaticBackends;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The router's HTTP, WebSocket and TCP proxying with real Netty and real loopback backends, on the
 * transport the router picks here ({@link RouterProxyEpollIT}: the same on epoll).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouterProxyIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final StaticBackends backends = new StaticBackends();
  private HttpBackend one;
  private HttpBackend two;
  private HttpBackend three;
  private EchoSockets wsEcho;
  private EchoSockets tcpEcho;
  private RouterServer router;
  private int tcpPort;

  @BeforeAll
  void start() throws IOException {
    one = HttpBackend.start("one");
    two = HttpBackend.start("two");
    three = HttpBackend.start("three");
    wsEcho = EchoSockets.websocket();
    tcpEcho = EchoSockets.tcp();
    tcpPort = freePort();
    backends.set("web", one.addr(), two.addr(), three.addr());
    backends.set("retry", deadAddr(), one.addr());
    backends.set("ws", wsEcho.addr());
    backends.set("echo-tcp", tcpEcho.addr());
    backends.set("sticky", one.addr(), two.addr(), three.addr());
    router =
        new RouterServer(
                RouterConfig.of("127.0.0.1", 0, "http://unused", "key", "http://unused", "k")
                    .withTcpPorts(tcpPort, tcpPort)
                    .withTransport(transport()))
            .startWith(backends);
    router
        .routes()
        .replace(
            RouteTable.of(
                List.of(
                    http("web", "demo.localhost", "/", "web"),
                    http("empty", "empty.localhost", "/", "nobody"),
                    http("retry", "retry.localhost", "/", "retry"),
                    http("ws", "ws.localhost", "/", "ws"),
                    sticky("sticky", "sticky.localhost", "sticky"),
                    withoutKeepAlives("close", "close.localhost", "web"),
                    tcp("tcp", tcpPort, "echo-tcp", false))));
  }

  /** The socket transport under test. */
  Transport transport() {
    return Transport.best();
  }

  @AfterAll
  void stop() throws IOException {
    if (router != null) {
      router.close();
    }
    for (AutoCloseable c : new AutoCloseable[] {one, two, three}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // keep closing the rest
      }
    }
    if (wsEcho != null) {
      wsEcho.close();
    }
    if (tcpEcho != null) {
      tcpEcho.close();
    }
  }

  @Test
  void requestsSpreadOverEveryBackend() throws Exception {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 60 && seen.size() < 3; i++) {
      HttpResponse<String> res = get("demo.localhost", "/", null);
      assertThat(res.statusCode()).isEqualTo(200);
      seen.add(res.body().lines().findFirst().orElseThrow());
    }
    assertThat(seen).containsExactlyInAnyOrder("backend=one", "backend=two", "backend=three");
  }

  @Test
  void unknownHostIs404AndRouteWithoutBackendsIs503() throws Exception {
    HttpResponse<String> unknown = get("nope.localhost", "/", null);
    HttpResponse<String> empty = get("empty.localhost", "/", null);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no route");
    assertThat(empty.statusCode()).isEqualTo(503);
  }

  @Test
  void forwardingHeadersReachTheBackend() throws Exception {
    long before = System.currentTimeMillis();
    HttpRequest req =
        request("demo.localhost", "/")
            .header("X-Forwarded-For", "203.0.113.9")
            .header("X-Request-Id", "client-chosen-request-id-0001")
            .build();
    String body = CLIENT.send(req, HttpResponse.BodyHandlers.ofString()).body();
    String fresh = get("demo.localhost", "/", "short").body();

    assertThat(body)
        .contains("x-forwarded-for: 203.0.113.9, 127.0.0.1")
        .contains("x-forwarded-proto: http")
        .contains("x-forwarded-port: " + router.httpPort())
        .contains("x-request-id: client-chosen-request-id-0001");
    long start = Long.parseLong(header(body, "x-request-start"));
    assertThat(start).isBetween(before, System.currentTimeMillis());
    assertThat(header(fresh, "x-request-id"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  @Test
  void routeWithoutKeepAlivesAsksTheBackendToCloseWhileOthersKeepAlive() throws Exception {
    assertThat(get("close.localhost", "/", null).body()).contains("connection: close");
    assertThat(get("demo.localhost", "/", null).body()).doesNotContain("connection: close");
  }

  @Test
  void connectFailureRetriesAnotherBackend() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(get("retry.localhost", "/", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void largeBodiesStreamThroughInBothDirections() throws Exception {
    byte[] upload = HttpBackend.blobBytes(24 * 1024 * 1024);
    HttpRequest post =
        request("demo.localhost", "/sink")
            .POST(HttpRequest.BodyPublishers.ofByteArray(upload))
            .build();
    HttpRequest get = request("demo.localhost", "/blob?size=" + upload.length).build();

    HttpResponse<String> sunk = CLIENT.send(post, HttpResponse.BodyHandlers.ofString());
    HttpResponse<byte[]> blob = CLIENT.send(get, HttpResponse.BodyHandlers.ofByteArray());

    String sha = HexFormat.of().formatHex(HttpBackend.sha256().digest(upload));
    assertThat(sunk.body()).isEqualTo(upload.length + " " + sha);
    assertThat(blob.headers().firstValue("Transfer-Encoding")).contains("chunked");
    assertThat(MessageDigest.isEqual(blob.body(), upload)).isTrue();
  }

  @Test
  void aResponseHeadReachesTheClientBeforeItsBodyIsSent() throws Exception {
    HttpResponse<InputStream> res =
        CLIENT
            .sendAsync(
                request("demo.localhost", "/held").build(),
                HttpResponse.BodyHandlers.ofInputStream())
            .get(10, TimeUnit.SECONDS);
    assertThat(res.statusCode()).isEqualTo(200);
    for (HttpBackend b : List.of(one, two, three)) {
      b.releaseHeld(); // the request went to one of them; the others keep a permit nobody uses
    }
    try (InputStream body = res.body()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("released");
    }
  }

  @Test
  void webSocketPassesThrough() throws Exception {
    CompletableFuture<String> reply = new CompletableFuture<>();
    WebSocket ws =
        CLIENT
            .newWebSocketBuilder()
            .header("Host", "ws.localhost")
            .buildAsync(
                URI.create("ws://127.0.0.1:" + router.httpPort() + "/socket"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    reply.complete(data.toString());
                    return null;
                  }
                })
            .get(5, TimeUnit.SECONDS);
    ws.sendText("hello through the router", true);

    assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo("hello through the router");
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
  }

  @Test
  void oversizedHeadersAre431AndMalformedRequestsAre400WithoutHurtingOthers() throws Exception {
    try (Socket keptAlive = connect()) {
      assertThat(exchange(keptAlive, "GET / HTTP/1.1\r\nHost: demo.localhost\r\n\r\n"))
          .startsWith("HTTP/1.1 200");
      try (Socket big = connect();
          Socket bad = connect()) {
        String huge = "X-Big: " + "a".repeat(40_000) + "\r\n";
        assertThat(exchange(big, "GET / HTTP/1.1\r\nHost: demo.localhost\r\n" + huge + "\r\n"))
            .startsWith("HTTP/1.1 431");
        assertThat(exchange(bad, "GET / HTTP/1.1\r\nHost: demo.localhost\r\nno colon here\r\n\r\n"))
            .startsWith("HTTP/1.1 400");
      }
      assertThat(exchange(keptAlive, "GET / HTTP/1.1\r\nHost: demo.localhost\r\n\r\n"))
          .startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void stickyCookiePinsTheBackendAndAForgedOneIsReplaced() throws Exception {
    HttpResponse<String> first = get("sticky.localhost", "/", null);
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String backend = first.body().lines().findFirst().orElseThrow();

    for (int i = 0; i < 10; i++) {
      HttpResponse<String> again =
          CLIENT.send(
              request("sticky.localhost", "/").header("Cookie", cookie).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(again.body()).startsWith(backend + "\n");
      assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
    }
    HttpResponse<String> forged =
        CLIENT.send(
            request("sticky.localhost", "/")
                .header("Cookie", "_backend=AAAAAAAAAAAAAAAAAAAAAAAA")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(200);
    assertThat(forged.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(c -> assertThat(c).startsWith("_backend="));
  }

  @Test
  void tcpRouteRelaysBytesToTheBackend() throws Exception {
    await().atMost(Duration.ofSeconds(5)).until(() -> router.tcpPorts().contains(tcpPort));
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcpPort)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write("ping over tcp\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] back = s.getInputStream().readNBytes("ping over tcp\n".length());
      assertThat(new String(back, StandardCharsets.US_ASCII)).isEqualTo("ping over tcp\n");
    }
  }

  @Test
  void accessLogCountsRequestsPerRoute() throws Exception {
    long before = router.accessLog().requests("http/web");
    get("demo.localhost", "/", null);

    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> router.accessLog().requests("http/web") > before);
  }

  private HttpResponse<String> get(String host, String path, String requestId) throws Exception {
    HttpRequest.Builder b = request(host, path);
    if (requestId != null) {
      b.header("X-Request-Id", requestId);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String host, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.httpPort() + path))
        .timeout(Duration.ofSeconds(20))
        .header("Host", host);
  }

  private static String header(String body, String name) {
    return body.lines()
        .filter(l -> l.startsWith(name + ": "))
        .map(l -> l.substring(name.length() + 2))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + body));
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), router.httpPort());
    s.setSoTimeout(5000);
    return s;
  }

  /** Sends a raw request and reads one response (headers and a Content-Length body). */
  private String exchange(Socket s, String raw) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.append((char) c);
    }
    int length =
        head.toString()
            .lines()
            .filter(l -> l.toLowerCase().startsWith("content-length:"))
            .map(l -> Integer.parseInt(l.substring(15).trim()))
            .findFirst()
            .orElse(0);
    return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String deadAddr() throws IOException {
    return "127.0.0.1:" + freePort();
  }
}
