package flynn.router.tls;

import static flynn.router.tls.TestCerts.httpRoute;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real HTTPS listener on loopback, with the echo handler standing in for the HTTP proxy. */
class HttpsListenerIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final TestCerts certs = new TestCerts();

  private static EventLoopGroup group;
  private static Channel server;
  private static TlsContexts contexts;
  private static ClusterCa cluster;
  private static int port;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    cluster = ClusterCa.loadOrCreate(dir, "flynn.test");
    contexts = new TlsContexts(cluster, name -> name.equals("routed.flynn.test"));
    contexts.update(
        List.of(httpRoute("custom.example.org", "/", certs.serverCert("custom.example.org"))));
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new HttpsInitializer(
                    contexts,
                    new HttpsLimits(Duration.ofSeconds(5), Duration.ofSeconds(60), 16384, 16),
                    pipeline -> pipeline.addLast(new HttpServerCodec()),
                    pipeline ->
                        pipeline.addLast(new HttpObjectAggregator(1 << 20), new EchoHandler())))
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
    port = ((InetSocketAddress) server.localAddress()).getPort();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close().awaitUninterruptibly();
    }
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }

  @Test
  void http11RequestReachesTheProxyPartMarkedHttps() throws Exception {
    var response = send(HttpClient.Version.HTTP_1_1, get("/hello?x=1"));

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("proto=https host=demo.flynn.test:%d path=/hello?x=1 body=".formatted(port));
  }

  @Test
  void http2StreamsReachTheProxyPartAsHttp1Requests() throws Exception {
    var post =
        HttpRequest.newBuilder(uri("/upload"))
            .POST(HttpRequest.BodyPublishers.ofString("payload"))
            .timeout(TIMEOUT)
            .build();

    var first = send(HttpClient.Version.HTTP_2, get("/one"));
    var second = send(HttpClient.Version.HTTP_2, post);

    assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(first.body())
        .isEqualTo("proto=https host=demo.flynn.test:%d path=/one body=".formatted(port));
    assertThat(second.body()).endsWith("path=/upload body=payload");
  }

  @Test
  void sniGivesTheRouteCertificateToItsDomainAndTheClusterCertificateToOthers() throws Exception {
    assertThat(OpensslClient.handshake(port, "custom.example.org", TIMEOUT))
        .contains("subject=CN=custom.example.org")
        .contains("issuer=O=Flynn, CN=Test CA");
    assertThat(OpensslClient.handshake(port, "demo.flynn.test", TIMEOUT))
        .contains("subject=CN=flynn.test")
        .contains("issuer=O=Flynn, CN=Flynn cluster CA flynn.test")
        .contains("ALPN protocol: h2");
  }

  @Test
  void routedNameUnderTheClusterDomainGetsItsOwnCertificateFromTheClusterCa() throws Exception {
    assertThat(OpensslClient.handshake(port, "routed.flynn.test", TIMEOUT))
        .contains("subject=CN=routed.flynn.test")
        .contains("issuer=O=Flynn, CN=Flynn cluster CA flynn.test")
        .contains("ALPN protocol: h2");
  }

  @Test
  void routeCertificateAddedLiveIsServedToNewConnections() throws Exception {
    assertThat(OpensslClient.handshake(port, "other.example.org", TIMEOUT))
        .contains("subject=CN=flynn.test");

    contexts.update(
        List.of(
            httpRoute("custom.example.org", "/", certs.serverCert("custom.example.org")),
            httpRoute("*.example.org", "/", certs.serverCert("*.example.org"))));

    assertThat(OpensslClient.handshake(port, "other.example.org", TIMEOUT))
        .contains("subject=CN=*.example.org");
  }

  private static HttpResponse<String> send(HttpClient.Version version, HttpRequest request)
      throws Exception {
    try (var client =
        HttpClient.newBuilder()
            .version(version)
            .sslContext(trusting(cluster.caCertPem()))
            .connectTimeout(TIMEOUT)
            .build()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).build();
  }

  private static URI uri(String path) {
    return URI.create("https://demo.flynn.test:" + port + path);
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
