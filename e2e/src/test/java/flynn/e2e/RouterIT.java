package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.Json;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Job;
import flynn.api.http.JsonHttp;
import flynn.api.router.Route;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 4's router acceptance as a user sees it: {@code curl -H 'Host: <app>.localhost'} through
 * {@code --http-port} reaches the app's jobs; a TCP route reaches a TCP echo job; curl trusts an
 * app's name over HTTPS with the cluster CA and follows a route's redirect to HTTPS.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouterIT {
  /** A web process answering its job id and the request headers it got, one per line. */
  private static final String HEADERS_APP =
      """
      import http.server, os
      class H(http.server.BaseHTTPRequestHandler):
          def do_GET(self):
              lines = ["job=" + os.environ.get("FLYNN_JOB_ID", "")]
              lines += ["%s: %s" % (k.lower(), v) for k, v in self.headers.items()]
              body = ("\\n".join(lines) + "\\n").encode()
              self.send_response(200)
              self.send_header("Content-Length", str(len(body)))
              self.end_headers()
              self.wfile.write(body)
          def log_message(self, *args):
              pass
      http.server.ThreadingHTTPServer(("", int(os.environ["PORT"])), H).serve_forever()
      """;

  private static final String TCP_ECHO =
      """
      import socketserver, os
      class E(socketserver.StreamRequestHandler):
          def handle(self):
              for line in self.rfile:
                  self.wfile.write(line)
      socketserver.ThreadingTCPServer.allow_reuse_address = True
      socketserver.ThreadingTCPServer(("", int(os.environ["PORT"])), E).serve_forever()
      """;

  private static Cluster cluster;

  @BeforeAll
  static void up() throws Exception {
    cluster = Cluster.start(List.of("--runner", "process"));
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void appScaledToThreeSpreadsOverItsJobsWithForwardingHeaders() throws Exception {
    deploy("routed", "web", HEADERS_APP);
    cluster.flynn("-a", "routed", "scale", "web=3").ok();
    await().atMost(Duration.ofSeconds(60)).until(() -> upJobs("routed").size() == 3);

    Set<String> jobs = new HashSet<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> {
          Curl res = curl("routed.localhost", "/");
          assertThat(res.status()).isEqualTo(200);
          jobs.add(res.line("job=").substring("job=".length()));
          assertThat(jobs).hasSize(3);
        });
    Curl res = curl("routed.localhost", "/");
    assertThat(res.body())
        .contains("x-forwarded-for: 127.0.0.1")
        .contains("x-forwarded-proto: http")
        .contains("x-forwarded-port: " + cluster.httpPort)
        .contains("x-request-start: ")
        .contains("x-request-id: ");
    assertThat(jobs).isEqualTo(Set.copyOf(upJobs("routed").stream().map(Job::id).toList()));
  }

  @Test
  @Order(2)
  void unknownHostIs404() throws Exception {
    assertThat(curl("nothing-here.localhost", "/").status()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void appScaledToZeroIs503() throws Exception {
    cluster.flynn("-a", "routed", "scale", "web=0").ok();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(curl("routed.localhost", "/").status()).isEqualTo(503));
  }

  @Test
  @Order(4)
  void tcpRouteReachesATcpEchoJob() throws Exception {
    deploy("echo", "echo", TCP_ECHO);
    cluster.flynn("-a", "echo", "scale", "echo=1").ok();
    cluster.flynn("-a", "echo", "route", "add", "tcp", "-s", "echo-echo").ok();
    int port = tcpRoutePort("echo");

    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () -> assertThat(echoOver(port, "hello tcp route")).isEqualTo("hello tcp route"));
  }

  @Test
  @Order(5)
  void httpsPicksTheRoutesCertificateBySniAndTheClusterCertificateOtherwise() throws Exception {
    deploy("secure", "web", HEADERS_APP);
    cluster.flynn("-a", "secure", "scale", "web=1").ok();
    Path cert = cluster.workDir.resolve("custom.pem");
    Path key = cluster.workDir.resolve("custom-key.pem");
    Machine.run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=custom.example.org",
        "-addext",
        "subjectAltName=DNS:custom.example.org",
        "-keyout",
        key.toString(),
        "-out",
        cert.toString());
    cluster
        .flynn(
            "-a",
            "secure",
            "route",
            "add",
            "http",
            "-c",
            cert.toString(),
            "-k",
            key.toString(),
            "custom.example.org")
        .ok();
    X509Certificate ca =
        pem(Machine.get("http://127.0.0.1:" + cluster.controllerPort + "/ca-cert").body());

    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(() -> {
          Https custom = https("custom.example.org", trusting(pem(Files.readString(cert))));
          assertThat(custom.certificate().getSubjectX500Principal().getName())
              .isEqualTo("CN=custom.example.org");
          assertThat(custom.response())
              .containsPattern("^HTTP/1\\.[01] 200 ")
              .contains("x-forwarded-proto: https");
        });
    Https byCluster = https("secure.localhost", trusting(ca));
    assertThat(byCluster.certificate().getIssuerX500Principal())
        .isEqualTo(ca.getSubjectX500Principal());
    assertThat(byCluster.response()).containsPattern("^HTTP/1\\.[01] 200 ");
  }

  @Test
  @Order(6)
  void curlTrustsTheAppsNameWithTheClusterCaAndFollowsItsHttpsRedirect() throws Exception {
    deploy("strict", "web", HEADERS_APP);
    cluster.flynn("-a", "strict", "scale", "web=1").ok();
    Path ca = cluster.workDir.resolve("cluster-ca.pem");
    Files.writeString(
        ca, Machine.get("http://127.0.0.1:" + cluster.controllerPort + "/ca-cert").body());
    String host = "strict.localhost";
    String https = "https://" + host + ":" + cluster.httpsPort;
    String resolveHttps = host + ":" + cluster.httpsPort + ":127.0.0.1";
    String resolveHttp = host + ":" + cluster.httpPort + ":127.0.0.1";

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() ->
            assertThat(curlTls("--cacert", ca.toString(), "--resolve", resolveHttps, https + "/"))
                .startsWith("200 ")
                .contains("x-forwarded-proto: https"));
    String routeId = defaultRouteId("strict");
    cluster.flynn("-a", "strict", "route", "update", routeId, "--https-redirect").ok();
    String plain = "http://" + host + ":" + cluster.httpPort + "/x?y=1";

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() ->
            assertThat(curlTls("--resolve", resolveHttp, "-o", "/dev/null", plain))
                .startsWith("308 " + https + "/x?y=1"));
    assertThat(
            curlTls(
                "-L",
                "--cacert",
                ca.toString(),
                "--resolve",
                resolveHttp,
                "--resolve",
                resolveHttps,
                plain))
        .startsWith("200 ")
        .contains("x-forwarded-proto: https");
  }

  /**
   * curl's {@code <status> <redirect url>} line, then the body: a refused certificate fails the
   * assertion inside {@link Machine#run}.
   */
  private static String curlTls(String... args) {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of("curl", "-sS", "--max-time", "10", "-w", "%{http_code} %{redirect_url}\n"));
    cmd.addAll(List.of(args));
    String out = Machine.run(cmd.toArray(String[]::new));
    int cut = out.lastIndexOf('\n', out.length() - 2);
    return out.substring(cut + 1) + out.substring(0, cut + 1);
  }

  private String defaultRouteId(String app) throws IOException {
    JsonHttp http = new JsonHttp("http://127.0.0.1:" + cluster.controllerPort, cluster.key());
    List<Route> routes = http.get("/apps/" + app + "/routes", new TypeReference<List<Route>>() {});
    return routes.stream()
        .filter(r -> (app + ".localhost").equals(r.domain()))
        .map(Route::formattedId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no default route for " + app + ": " + routes));
  }

  /** What a TLS client saw: the server's certificate for its SNI name, and the raw response. */
  record Https(X509Certificate certificate, String response) {}

  private static Https https(String serverName, SSLContext tls) throws IOException {
    try (SSLSocket socket =
        (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", cluster.httpsPort)) {
      SSLParameters params = socket.getSSLParameters();
      params.setServerNames(List.of(new SNIHostName(serverName)));
      params.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(params);
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET / HTTP/1.1\r\nHost: " + serverName + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new Https(
          served, new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static SSLContext trusting(X509Certificate anchor) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("anchor", anchor);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return tls;
  }

  private static X509Certificate pem(String text) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
  }

  private void deploy(String app, String type, String script) throws IOException {
    cluster.flynn("create", app).ok();
    Map<String, Object> release =
        Map.of(
            "processes",
            Map.of(
                type,
                Map.of(
                    "args",
                    List.of("python3", "-u", "-c", script),
                    "ports",
                    List.of(
                        Map.of(
                            "port",
                            8080,
                            "proto",
                            "tcp",
                            "service",
                            Map.of("name", app + "-" + type, "create", true))))));
    Path file = cluster.workDir.resolve(app + "-release.json");
    Files.writeString(file, Json.write(release));
    cluster.flynn("-a", app, "release", "add", "-f", file.toString()).ok();
  }

  private List<Job> upJobs(String app) throws IOException {
    ControllerClient controller =
        new ControllerClient("http://127.0.0.1:" + cluster.controllerPort, cluster.key());
    return controller.jobs().list(app).stream().filter(j -> "up".equals(j.state())).toList();
  }

  private int tcpRoutePort(String app) throws IOException {
    JsonHttp http = new JsonHttp("http://127.0.0.1:" + cluster.controllerPort, cluster.key());
    List<Route> routes = http.get("/apps/" + app + "/routes", new TypeReference<List<Route>>() {});
    return routes.stream()
        .filter(r -> Route.TCP.equals(r.type()))
        .map(Route::port)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tcp route for " + app + ": " + routes));
  }

  private static String echoOver(int port, String text) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      byte[] back = s.getInputStream().readNBytes(text.length());
      return new String(back, StandardCharsets.UTF_8);
    }
  }

  private static Curl curl(String host, String path) {
    return Curl.get(cluster.httpPort, host, path);
  }
}
