package flynn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.ControllerClient;
import flynn.api.http.SseStream;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One embedded PostgreSQL per test class, a fresh database and a real controller on a free port per
 * test. discoverd is not running: its URL points at a closed loopback port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ControllerTestBase {
  static final String KEY = "test-cluster-key";

  private EmbeddedPostgres pg;
  private int databases;
  ControllerServer server;
  ControllerConfig config;
  ControllerClient client;
  HttpClient http;
  String baseUrl;

  @BeforeAll
  void startPostgres() throws IOException {
    pg = EmbeddedPostgres.builder().start();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  void stopPostgres() throws IOException {
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void startController() throws Exception {
    String db = "controller_" + (++databases);
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    config =
        new ControllerConfig(
            "127.0.0.1",
            0,
            pg.getJdbcUrl("postgres", db),
            "postgres",
            "postgres",
            KEY,
            "localhost",
            "http://127.0.0.1:" + closedPort(),
            caCertPem());
    startServer();
  }

  private void startServer() {
    server = new ControllerServer(config);
    server.start();
    baseUrl = "http://127.0.0.1:" + server.port();
    client = new ControllerClient(baseUrl, KEY);
  }

  /** Stops the controller and starts a new one on the same database (on another port). */
  void restartController() {
    server.close();
    startServer();
  }

  /** The CA certificate the controller serves at /ca-cert; none unless a test class says so. */
  String caCertPem() {
    return null;
  }

  @AfterEach
  void stopController() {
    if (server != null) {
      server.close();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String auth(String key) {
    return "Basic "
        + Base64.getEncoder().encodeToString((":" + key).getBytes(StandardCharsets.UTF_8));
  }

  /** A raw request with the cluster key, for status codes and error bodies. */
  HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", auth(KEY))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> res) throws IOException {
    return Json.mapper().readTree(res.body());
  }

  static void assertError(HttpResponse<String> res, int status, String code) throws IOException {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    assertThat(json(res).path("code").asText()).isEqualTo(code);
  }

  /** Reads an SSE stream on its own thread so a test can wait for events with a deadline. */
  static final class Events implements AutoCloseable {
    private final SseStream stream;
    private final BlockingQueue<SseStream.Event> queue = new LinkedBlockingQueue<>();
    private final Thread reader;

    Events(SseStream stream) {
      this.stream = stream;
      this.reader = Thread.ofVirtual().name("test-sse-reader").start(this::read);
    }

    private void read() {
      try {
        for (var e = stream.next(); e.isPresent(); e = stream.next()) {
          queue.add(e.get());
        }
      } catch (IOException e) {
        // closed by the test
      }
    }

    SseStream.Event next(Duration within) throws InterruptedException {
      SseStream.Event e = queue.poll(within.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(e).as("an SSE event within " + within).isNotNull();
      return e;
    }

    /** The data of the first event within the deadline that matches {@code p}. */
    JsonNode nextMatching(Duration within, java.util.function.Predicate<JsonNode> p)
        throws Exception {
      long deadline = System.nanoTime() + within.toNanos();
      while (true) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        JsonNode data =
            Json.mapper().readTree(next(left.isNegative() ? Duration.ZERO : left).data());
        if (p.test(data)) {
          return data;
        }
      }
    }

    @Override
    public void close() throws IOException {
      stream.close();
      reader.interrupt();
      try {
        reader.join(Duration.ofSeconds(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
