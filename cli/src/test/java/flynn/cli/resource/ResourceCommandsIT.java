package flynn.cli.resource;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flynn provider} and {@code flynn resource} against a stand-in controller on a real socket:
 * what they ask the controller, what they print and how they exit. Deployments complete at once.
 */
class ResourceCommandsIT {
  private static final String APP =
      "{\"id\":\"app-1\",\"name\":\"demo\",\"release\":\"rel-1\",\"strategy\":\"all-at-once\"}";
  private static final String PROVIDERS =
      "[{\"id\":\"prov-1\",\"name\":\"postgres\",\"url\":\"http://127.0.0.1:9/\"}]";
  private static final String RESOURCE =
      "{\"id\":\"res-1\",\"provider\":\"prov-1\",\"external_id\":\"db-1\","
          + "\"env\":{\"DATABASE_URL\":\"postgres://u:p@h/db\",\"PGUSER\":\"u\"},"
          + "\"apps\":[\"app-1\"]}";

  @TempDir Path dir;
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int provisionStatus = 200;
  private volatile String provisionBody = RESOURCE;
  private volatile String currentEnv = "{\"A\":\"0\"}";

  @BeforeEach
  void startController() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    answer("/apps/demo", ex -> APP);
    answer("/apps/app-1", ex -> APP);
    answer("/apps/app-1/release", ex -> "{\"id\":\"rel-1\",\"env\":" + currentEnv + "}");
    answer("/apps/demo/resources", ex -> "[" + RESOURCE + "]");
    answer("/apps/app-1/resources", ex -> "[" + RESOURCE + "]");
    answer("/providers", ex -> PROVIDERS);
    server.createContext("/providers/postgres/resources", this::resources);
    answer("/releases", ex -> "{\"id\":\"rel-2\",\"app\":\"app-1\"}");
    answer("/apps/app-1/deploy", ex -> deployment("complete"));
    answer("/deployments/d-1", ex -> deployment("complete"));
    server.createContext("/events", ResourceCommandsIT::noEvents);
    server.start();
  }

  @AfterEach
  void stopController() {
    server.stop(0);
  }

  @Test
  void providerListsIdNameAndUrl() {
    Result r = flynn("provider");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("ID      NAME      URL\nprov-1  postgres  http://127.0.0.1:9/\n");
  }

  @Test
  void resourceListsTheAppsResourcesWithTheirProvidersName() {
    Result r = flynn("-a", "demo", "resource");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo("ID     PROVIDER ID  PROVIDER NAME\nres-1  prov-1       postgres\n");
  }

  @Test
  void addProvisionsForTheAppThenDeploysAReleaseWithTheResourceEnvMergedIn() {
    Result r = flynn("-a", "demo", "resource", "add", "postgres");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(requests).contains("POST /providers/postgres/resources {\"apps\":[\"app-1\"]}");
    assertThat(requests)
        .anySatisfy(q ->
            assertThat(q)
                .startsWith("POST /releases ")
                .contains("\"A\":\"0\"")
                .contains("\"DATABASE_URL\":\"postgres://u:p@h/db\"")
                .contains("\"PGUSER\":\"u\""));
    assertThat(requests).contains("POST /apps/app-1/deploy {\"id\":\"rel-2\"}");
    assertThat(r.err()).endsWith("Created resource res-1 and release rel-2.\n");
  }

  @Test
  void aProviderFailureExitsOneWithTheReasonAndMakesNoRelease() {
    provisionStatus = 503;
    provisionBody =
        "{\"code\":\"service_unavailable\","
            + "\"message\":\"provider \\\"postgres\\\" is unavailable: connection refused\"}";

    Result r = flynn("-a", "demo", "resource", "add", "postgres");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("flynn: provider \"postgres\" is unavailable: connection refused\n");
    assertThat(requests).noneMatch(q -> q.startsWith("POST /releases"));
    assertThat(requests).noneMatch(q -> q.contains("/deploy"));
  }

  @Test
  void removeDeprovisionsThenDeploysWithoutTheKeysTheAppStillHasFromIt() {
    currentEnv = "{\"A\":\"0\",\"DATABASE_URL\":\"postgres://u:p@h/db\",\"PGUSER\":\"mine\"}";

    Result r = flynn("-a", "demo", "resource", "remove", "postgres", "res-1");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(requests).contains("DELETE /providers/postgres/resources/res-1 ");
    assertThat(requests)
        .anySatisfy(q ->
            assertThat(q)
                .startsWith("POST /releases ")
                .contains("\"A\":\"0\"")
                .contains("\"PGUSER\":\"mine\"")
                .doesNotContain("DATABASE_URL"));
    assertThat(r.err()).endsWith("Deleted resource res-1, created release rel-2.\n");
  }

  @Test
  void removeWithoutAnIdRemovesTheAppsOnlyResourceOfThatProvider() {
    Result r = flynn("-a", "demo", "resource", "remove", "postgres");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(requests).contains("DELETE /providers/postgres/resources/res-1 ");
    assertThat(r.err()).endsWith("Deleted resource res-1.\n");
    assertThat(requests).noneMatch(q -> q.startsWith("POST /releases"));
  }

  private void resources(HttpExchange ex) throws IOException {
    record(ex);
    if ("POST".equals(ex.getRequestMethod())) {
      respond(ex, provisionStatus, provisionBody);
    } else {
      respond(ex, 200, RESOURCE);
    }
  }

  private interface Body {
    String of(HttpExchange ex) throws IOException;
  }

  /** Records each request to exactly {@code path} and answers {@code body}; others are 404s. */
  private void answer(String path, Body body) {
    server.createContext(
        path,
        ex -> {
          if (!ex.getRequestURI().getPath().equals(path)) {
            respond(ex, 404, "{\"code\":\"not_found\",\"message\":\"no stand-in\"}");
            return;
          }
          record(ex);
          respond(ex, 200, body.of(ex));
        });
  }

  private void record(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + body);
  }

  private static void noEvents(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, -1);
    ex.close();
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String deployment(String status) {
    return "{\"id\":\"d-1\",\"app\":\"app-1\",\"old_release\":\"rel-1\",\"new_release\":\"rel-2\","
        + "\"strategy\":\"all-at-once\",\"status\":\""
        + status
        + "\"}";
  }

  private Result flynn(String... args) {
    return CliRun.flynn(dir, "http://127.0.0.1:" + server.getAddress().getPort(), args);
  }
}
