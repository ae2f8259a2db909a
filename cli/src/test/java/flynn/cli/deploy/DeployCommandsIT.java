package flynn.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import flynn.cli.CliRun;
import flynn.cli.CliRun.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config changes through the deployer, against a stand-in controller on a real socket: the
 * deployment request, the deployment events followed from before it, what the CLI prints and exits
 * with.
 */
class DeployCommandsIT {
  private static final String END = "<end>";
  private static final String APP =
      "{\"id\":\"app-1\",\"name\":\"demo\",\"release\":\"rel-1\",\"strategy\":\"all-at-once\"}";

  @TempDir Path dir;
  private HttpServer server;
  private final BlockingQueue<String> sse = new LinkedBlockingQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile List<String> afterDeploy = List.of();

  @BeforeEach
  void startController() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    recorded("/apps/demo", APP);
    recorded("/apps/app-1", APP);
    json(
        "/apps/app-1/release",
        "{\"id\":\"rel-1\",\"env\":{\"A\":\"0\"},\"processes\":{\"web\":{\"args\":[\"x\"]}}}");
    json(
        "/apps/app-1/releases",
        "[{\"id\":\"rel-1\",\"created_at\":\"2026-01-02T00:00:00Z\"},"
            + "{\"id\":\"rel-0\",\"created_at\":\"2026-01-01T00:00:00Z\"}]");
    recorded("/releases", "{\"id\":\"rel-2\",\"app\":\"app-1\"}");
    server.createContext("/apps/app-1/deploy", this::deploy);
    json(
        "/apps/app-1/deployments",
        "[{\"id\":\"d-0\",\"old_release\":\"rel-0\",\"new_release\":\"rel-1\","
            + "\"status\":\"complete\",\"created_at\":\"2026-01-02T00:00:00Z\"}]");
    json("/deployments/d-1", deployment("running"));
    server.createContext("/events", this::events);
    server.start();
  }

  @AfterEach
  void stopController() {
    sse.add(END);
    server.stop(0);
  }

  @Test
  void envSetDeploysTheNewReleaseAndPrintsEachJobUntilComplete() {
    afterDeploy =
        List.of(
            event(deploymentEvent("running", null, null, null)),
            event(deploymentEvent("running", "web", "up", null)),
            event(deploymentEvent("running", "web", "down", null)),
            event(deploymentEvent("complete", null, null, null)));

    Result r = flynn("-a", "demo", "env", "set", "A=1");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .isEqualTo(
            "=====> Deploying release rel-2\n"
                + "-----> web job up\n"
                + "-----> web job down\n"
                + "=====> Release deployed\n"
                + "Created release rel-2.\n");
    assertThat(requests)
        .anySatisfy(q -> assertThat(q).startsWith("POST /releases ").contains("\"A\":\"1\""));
    int events = indexOf("GET /events?app_id=app-1&object_types=deployment");
    int deploy = indexOf("POST /apps/app-1/deploy {\"id\":\"rel-2\"}");
    assertThat(events).as("events followed before the deploy: %s", requests).isLessThan(deploy);
    assertThat(requests).noneMatch(q -> q.startsWith("PUT /apps/app-1/release"));
  }

  @Test
  void aFailedDeploymentPrintsTheReasonAndExitsOne() {
    afterDeploy =
        List.of(
            event(deploymentEvent("running", "web", "crashed", null)),
            event(deploymentEvent("failed", null, null, "web exited with status 1")));

    Result r = flynn("-a", "demo", "limit", "set", "web", "memory=512MB");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .endsWith("-----> web job crashed\n! Deploy failed: web exited with status 1\n")
        .doesNotContain("Created release");
  }

  @Test
  void eventsOfAnotherDeploymentAreIgnored() {
    afterDeploy =
        List.of(
            event(deploymentEvent("failed", null, null, "not ours").replace("\"d-1\"", "\"d-0\"")),
            event(deploymentEvent("complete", null, null, null)));

    Result r = flynn("-a", "demo", "env", "unset", "A");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("not ours");
  }

  @Test
  void restartDeploysACopyOneByOneWithoutChangingTheApp() {
    afterDeploy = List.of(event(deploymentEvent("complete", null, null, null)));

    Result r = flynn("-a", "demo", "restart", "web");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(requests)
        .contains("POST /apps/app-1/deploy {\"id\":\"rel-2\",\"strategy\":\"one-by-one\"}")
        .noneMatch(q -> q.startsWith("POST /apps/app-1 "));
    assertThat(requests)
        .anySatisfy(q ->
            assertThat(q)
                .startsWith("POST /releases ")
                .contains("\"flynn.restart\"")
                .contains("\"args\":[\"x\"]"));
  }

  @Test
  void rollbackDeploysThePreviousRelease() {
    afterDeploy = List.of(event(deploymentEvent("complete", null, null, null)));

    Result r = flynn("-a", "demo", "release", "rollback", "-y");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(requests).contains("POST /apps/app-1/deploy {\"id\":\"rel-0\"}");
    assertThat(r.err()).contains("Successfully rolled back to release rel-0.");
  }

  private int indexOf(String prefix) {
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  private void deploy(HttpExchange ex) throws IOException {
    requests.add("POST " + ex.getRequestURI() + " " + body(ex));
    respond(ex, deployment("pending"));
    sse.addAll(afterDeploy);
  }

  private void events(HttpExchange ex) throws IOException {
    requests.add("GET " + ex.getRequestURI());
    ex.getResponseHeaders().add("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      out.flush();
      String data;
      while (!(data = poll()).equals(END)) {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException clientWentAway) {
      // the CLI closes the stream once the deployment ended
    }
  }

  private String poll() {
    try {
      String next = sse.poll(30, TimeUnit.SECONDS);
      return next == null ? END : next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return END;
    }
  }

  private void json(String path, String body) {
    server.createContext(path, ex -> respond(ex, body));
  }

  /** Answers {@code body} and records the request with its body. */
  private void recorded(String path, String body) {
    server.createContext(
        path,
        ex -> {
          requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + body(ex));
          respond(ex, body);
        });
  }

  private static void respond(HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String body(HttpExchange ex) throws IOException {
    return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String deployment(String status) {
    return "{\"id\":\"d-1\",\"app\":\"app-1\",\"old_release\":\"rel-1\",\"new_release\":\"rel-2\","
        + "\"strategy\":\"all-at-once\",\"status\":\""
        + status
        + "\"}";
  }

  private static String deploymentEvent(String status, String type, String state, String error) {
    return "{\"app\":\"app-1\",\"deployment\":\"d-1\",\"release\":\"rel-2\",\"status\":\""
        + status
        + "\""
        + (type == null ? "" : ",\"job_type\":\"" + type + "\",\"job_state\":\"" + state + "\"")
        + (error == null ? "" : ",\"error\":\"" + error + "\"")
        + "}";
  }

  private static String event(String data) {
    return "{\"id\":9,\"app\":\"app-1\",\"object_type\":\"deployment\",\"object_id\":\"d-1\","
        + "\"data\":"
        + data
        + "}";
  }

  private Result flynn(String... args) {
    return CliRun.flynn(dir, "http://127.0.0.1:" + server.getAddress().getPort(), args);
  }
}
