package flynn.api.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deployment whose events never arrive (a stream that stays silent) is still followed to its end
 * by reading it, against a stand-in controller on a real socket.
 */
class DeployWatchIT {
  private static final DeployWatch.Settings FAST =
      new DeployWatch.Settings(Duration.ofMillis(200), Duration.ofSeconds(5));

  private HttpServer server;
  private final CountDownLatch done = new CountDownLatch(1);
  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile String status = "running";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/apps/app-1/deploy", ex -> respond(ex, deployment("pending")));
    server.createContext("/deployments/d-1", ex -> respond(ex, deployment(status)));
    server.createContext("/events", this::events);
    server.start();
  }

  @AfterEach
  void stop() {
    done.countDown();
    server.stop(0);
  }

  @Test
  void aCompleteDeploymentIsNoticedWithoutItsEvent() {
    status = "complete";

    Deployment d = watch().deploy("app-1", "rel-2", e -> received.add(e.status()));

    assertThat(d.status()).isEqualTo(Deployment.COMPLETE);
    assertThat(received).isEmpty();
  }

  @Test
  void aFailedDeploymentReadDirectlyFailsWithTheReasonOfItsEvent() {
    status = "failed";

    assertThatThrownBy(() -> watch().deploy("app-1", "rel-2", e -> {}))
        .isInstanceOf(DeployFailedException.class)
        .hasMessage("web job of the new release failed: exited with status 1");
  }

  @Test
  void aDeploymentThatNeverEndsFailsAtTheDeadlineSayingWhatToDo() {
    DeployWatch impatient =
        new DeployWatch(
            client(),
            new DeployWatch.Settings(Duration.ofMillis(100), Duration.ofMillis(500)),
            Clock.systemUTC());

    assertThatThrownBy(() -> impatient.deploy("app-1", "rel-2", e -> {}))
        .isInstanceOf(DeployFailedException.class)
        .hasMessageContaining("still running")
        .hasMessageContaining("flynn deployment");
  }

  private DeployWatch watch() {
    return new DeployWatch(client(), FAST, Clock.systemUTC());
  }

  private ControllerClient client() {
    return new ControllerClient("http://127.0.0.1:" + server.getAddress().getPort(), "key");
  }

  /** A silent stream for the watch; the past failed event for {@code GET /events?count=}. */
  private void events(HttpExchange ex) throws IOException {
    if (ex.getRequestURI().getQuery().contains("count=")) {
      respond(
          ex,
          "[{\"id\":3,\"app\":\"app-1\",\"object_type\":\"deployment\",\"object_id\":\"d-1\","
              + "\"data\":{\"deployment\":\"d-1\",\"status\":\"failed\",\"error\":"
              + "\"web job of the new release failed: exited with status 1\"}}]");
      return;
    }
    ex.getResponseHeaders().add("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(":\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      done.await();
    } catch (IOException | InterruptedException closed) {
      // the watch closed the stream
    }
  }

  private static void respond(HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String deployment(String status) {
    return "{\"id\":\"d-1\",\"app\":\"app-1\",\"new_release\":\"rel-2\",\"status\":\""
        + status
        + "\"}";
  }
}
