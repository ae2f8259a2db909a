package flynn.cli.scale;

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
 * {@code flynn scale} against a stand-in controller on a real socket: the scale request, the SSE
 * event stream it follows, and what it prints and exits with.
 */
class ScaleCommandIT {
  private static final String END = "<end>";

  @TempDir Path dir;
  private HttpServer server;
  private final BlockingQueue<String> sse = new LinkedBlockingQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile List<String> afterScale = List.of();

  @BeforeEach
  void startController() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    json("/apps/demo", "{\"id\":\"app-1\",\"name\":\"demo\",\"release\":\"rel-1\"}");
    json("/apps/app-1/release", "{\"id\":\"rel-1\",\"processes\":{\"web\":{},\"worker\":{}}}");
    json(
        "/apps/app-1/formations/rel-1",
        "{\"app\":\"app-1\",\"release\":\"rel-1\",\"processes\":{\"web\":0}}");
    server.createContext("/apps/app-1/scale/rel-1", this::scale);
    server.createContext("/events", this::events);
    server.start();
  }

  @AfterEach
  void stopController() {
    sse.add(END);
    server.stop(0);
  }

  @Test
  void printsJobEventsOfTheReleaseUntilTheScaleRequestCompletes() {
    afterScale =
        List.of(
            job("host-1", "rel-1", "pending"),
            job("host-9", "rel-0", "down"),
            job("host-1", "rel-1", "up"),
            scaleRequest("complete"));

    Result r = flynn("-a", "demo", "scale", "web=2");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("scaling web: 0=>2\n\n");
    assertThat(r.out()).containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ==> web host-1 pending\n");
    assertThat(r.out())
        .containsPattern("==> web host-1 up\n\nscale completed in \\d+\\.\\d{3}s\n$");
    assertThat(r.out()).doesNotContain("host-9");
    assertThat(requests)
        .anySatisfy(q ->
            assertThat(q).startsWith("GET /events?app_id=app-1&object_types=job%2Cscale_request"))
        .anySatisfy(q ->
            assertThat(q)
                .startsWith("PUT /apps/app-1/scale/rel-1 ")
                .contains("\"state\":\"pending\"")
                .contains("\"new_processes\":{\"web\":2}"));
  }

  @Test
  void cancelledScaleRequestFailsWithAClearMessage() {
    afterScale = List.of(scaleRequest("cancelled"));

    Result r = flynn("-a", "demo", "scale", "web=2");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("flynn: scale request cancelled\n");
  }

  @Test
  void noWaitReturnsAfterTheRequestAndListingShowsTheFormation() {
    Result scaled = flynn("-a", "demo", "scale", "-n", "web=2");
    Result listed = flynn("-a", "demo", "scale");

    assertThat(scaled.exit()).isZero();
    assertThat(scaled.out()).isEqualTo("scaling web: 0=>2\n\n");
    assertThat(requests).noneMatch(q -> q.startsWith("GET /events"));
    assertThat(listed.out()).isEqualTo("web=0 worker=0\n");
  }

  private void scale(HttpExchange ex) throws IOException {
    requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + body(ex));
    respond(
        ex,
        "{\"id\":\"sr-1\",\"app\":\"app-1\",\"release\":\"rel-1\",\"state\":\"pending\","
            + "\"old_processes\":{\"web\":0},\"new_processes\":{\"web\":2}}");
    sse.addAll(afterScale);
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
      // the CLI closes the stream once the scale is done
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

  private static String job(String id, String release, String state) {
    return "{\"id\":7,\"app\":\"app-1\",\"object_type\":\"job\",\"object_id\":\""
        + id
        + "\",\"data\":{\"id\":\""
        + id
        + "\",\"type\":\"web\",\"state\":\""
        + state
        + "\",\"release\":\""
        + release
        + "\"}}";
  }

  private static String scaleRequest(String state) {
    return "{\"id\":8,\"app\":\"app-1\",\"object_type\":\"scale_request\",\"object_id\":\"sr-1\","
        + "\"data\":{\"id\":\"sr-1\",\"release\":\"rel-1\",\"state\":\""
        + state
        + "\"}}";
  }

  private Result flynn(String... args) {
    return CliRun.flynn(dir, "http://127.0.0.1:" + server.getAddress().getPort(), args);
  }
}
