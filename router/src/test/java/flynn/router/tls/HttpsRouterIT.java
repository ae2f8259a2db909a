package flynn.router.tls;

import static flynn.router.routes.TestRoutes.http;
import static org.assertj.core.api.Assertions.assertThat;

import flynn.router.RouterConfig;
import flynn.router.RouterServer;
import flynn.router.http.HttpProxyConfig;
import flynn.router.routes.RouteTable;
import flynn.router.testing.HttpBackend;
import flynn.router.testing.StaticBackends;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole router with its HTTPS listener: limits over TLS and redirects from plain HTTP. */
class HttpsRouterIT {
  private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
  private static final StaticBackends BACKENDS = new StaticBackends();
  private static HttpBackend backend;
  private static RouterServer router;
  private static SSLContext trustingCluster;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    ClusterCa cluster = ClusterCa.loadOrCreate(dir, "localhost");
    trustingCluster = trusting(cluster.caCertPem());
    backend = HttpBackend.start("one");
    BACKENDS.set("web", backend.addr());
    RouterConfig base =
        RouterConfig.of("127.0.0.1", 0, "http://unused", "key", "http://unused", "k")
            .withHttps(0, cluster);
    router =
        new RouterServer(
                new RouterConfig(
                    base.bindHost(),
                    0,
                    base.tcpPortMin(),
                    base.tcpPortMax(),
                    base.controllerUrl(),
                    base.controllerKey(),
                    base.discoverdUrl(),
                    base.stickyKey(),
                    1,
                    base.transport(),
                    HttpProxyConfig.defaults().withHeaderTimeout(HEADER_TIMEOUT),
                    base.https()))
            .startWith(BACKENDS);
    router
        .routes()
        .replace(
            RouteTable.of(
                List.of(
                    http("web", "demo.localhost", "/", "web"),
                    http("secure", "secure.localhost", "/", "web").withHttpsRedirect(true))));
  }

  @AfterAll
  static void stop() throws Exception {
    if (router != null) {
      router.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void plainHttpOnARedirectRouteIs308ToTheSameUrlOverHttpsWhichIsServed() throws Exception {
    String redirect;
    try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), router.httpPort())) {
      plain.setSoTimeout(5000);
      redirect = exchange(plain, "POST /p?q=1 HTTP/1.1\r\nHost: secure.localhost\r\n\r\n");
    }
    try (Socket tls = tls("secure.localhost")) {
      assertThat(exchange(tls, "GET /p?q=1 HTTP/1.1\r\nHost: secure.localhost\r\n\r\n"))
          .startsWith("HTTP/1.1 200");
    }

    assertThat(redirect)
        .startsWith("HTTP/1.1 308")
        .contains("location: https://secure.localhost:" + router.httpsPort() + "/p?q=1");
  }

  @Test
  void oversizedHeadersOverHttpsAre431() throws Exception {
    try (Socket tls = tls("demo.localhost")) {
      String huge = "X-Big: " + "a".repeat(40_000) + "\r\n";

      assertThat(exchange(tls, "GET / HTTP/1.1\r\nHost: demo.localhost\r\n" + huge + "\r\n"))
          .startsWith("HTTP/1.1 431");
    }
  }

  @Test
  void httpsClientTooSlowWithItsHeadersIsDisconnected() throws Exception {
    try (Socket tls = tls("demo.localhost")) {
      tls.setSoTimeout(10_000);
      tls.getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: demo".getBytes(StandardCharsets.US_ASCII));
      tls.getOutputStream().flush();

      assertThat(readOrClosed(tls.getInputStream())).as("closed by the router").isEqualTo(-1);
    }
  }

  @Test
  void routedNameUnderTheClusterDomainGetsACertificateForExactlyThatName() throws Exception {
    try (SSLSocket tls = tls("demo.localhost")) {
      var leaf = (java.security.cert.X509Certificate) tls.getSession().getPeerCertificates()[0];

      assertThat(Renewal.dnsNames(leaf)).containsExactly("demo.localhost");
    }
  }

  private static int readOrClosed(InputStream in) {
    try {
      return in.read();
    } catch (SocketTimeoutException e) {
      return -2; // still open
    } catch (IOException e) { // a reset is a close too
      return -1;
    }
  }

  private static SSLSocket tls(String serverName) throws Exception {
    var socket =
        (SSLSocket)
            trustingCluster
                .getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), router.httpsPort());
    var params = socket.getSSLParameters();
    params.setServerNames(List.of(new SNIHostName(serverName)));
    params.setApplicationProtocols(new String[] {"http/1.1"});
    socket.setSSLParameters(params);
    socket.setSoTimeout(5000);
    socket.startHandshake();
    return socket;
  }

  /** Sends a raw request and reads one response (headers and a Content-Length body). */
  private static String exchange(Socket s, String raw) throws IOException {
    s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
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

  private static SSLContext trusting(String caPem) throws Exception {
    var ca =
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
    var store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("flynn-ca", ca);
    var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    var context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
