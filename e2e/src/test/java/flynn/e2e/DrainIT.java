package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Formation;
import flynn.api.host.ActiveJob;
import flynn.api.host.HostJob;
import flynn.api.router.RouterClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's acceptance 5 as a user sees it: a 5-second request in flight while its job is stopped
 * (scale to 0) completes with 200; the router answers new requests 503 meanwhile; a route that does
 * not drain does not hold the stop up.
 */
class DrainIT {
  /** {@code /slow} answers after 5 s, {@code /hang} after a minute, anything else at once. */
  private static final String SLOW_APP =
      """
      import http.server, os, time
      class H(http.server.BaseHTTPRequestHandler):
          def do_GET(self):
              if self.path == "/slow":
                  time.sleep(5)
              if self.path == "/hang":
                  time.sleep(60)
              body = ("done " + self.path + "\\n").encode()
              self.send_response(200)
              self.send_header("Content-Length", str(len(body)))
              self.end_headers()
              self.wfile.write(body)
          def log_message(self, *args):
              pass
      http.server.ThreadingHTTPServer(("", int(os.environ["PORT"])), H).serve_forever()
      """;

  /** Longer than what is left of /slow when its job stops, far shorter than /hang. */
  private static final int DRAIN_TIMEOUT_SECONDS = 8;

  private static Cluster cluster;
  private static RouterClient router;

  @BeforeAll
  static void up() throws Exception {
    int apiPort = Cluster.freePort();
    cluster =
        Cluster.start(
            List.of(
                "--runner",
                "process",
                "--router-api-port",
                Integer.toString(apiPort),
                "--drain-timeout",
                Integer.toString(DRAIN_TIMEOUT_SECONDS)));
    router = new RouterClient("http://127.0.0.1:" + apiPort, cluster.key());
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aSlowRequestInFlightWhileItsJobIsStoppedCompletesWith200() throws Exception {
    deploy("drainer");
    String addr = scaleToOneJob("drainer");

    CompletableFuture<Curl> slow = CompletableFuture.supplyAsync(() -> curl("drainer", "/slow"));
    awaitInFlight(addr);
    scaleToZero("drainer");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(curl("drainer", "/").status()).isEqualTo(503));
    assertThat(slow).isNotDone();
    Curl done = slow.get(30, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).isEqualTo("done /slow\n");
    await().atMost(Duration.ofSeconds(20)).until(() -> !runs("drainer"));
    assertThat(cluster.hostLog()).contains("event=drained addrs=[" + addr + "]");

    String appId = controller().apps().get("drainer").id();
    assertThat(router.metrics())
        .contains("flynn_router_requests_total{app=\"" + appId + "\",status=\"2xx\"}")
        .contains("flynn_router_requests_total{app=\"" + appId + "\",status=\"5xx\"}");
  }

  @Test
  void aRequestLongerThanTheDrainTimeoutIsCutWhenTheTimeoutPasses() throws Exception {
    deploy("cutter");
    String addr = scaleToOneJob("cutter");

    CompletableFuture<Curl> hanging = CompletableFuture.supplyAsync(() -> curl("cutter", "/hang"));
    awaitInFlight(addr);
    scaleToZero("cutter");

    Curl cut = hanging.get(40, TimeUnit.SECONDS);
    assertThat(cut.status()).isNotEqualTo(200);
    assertThat(cut.body()).doesNotContain("done /hang");
    await().atMost(Duration.ofSeconds(20)).until(() -> !runs("cutter"));
    assertThat(cluster.hostLog()).contains("event=drain-timeout addrs=[" + addr + "]");
  }

  /** Waits until the router has a request in flight to {@code addr}. */
  private static void awaitInFlight(String addr) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> router.awaitDrained(addr, Duration.ZERO).inFlight() == 1);
  }

  /**
   * Scales web to 0 through the controller's formation API, as {@code flynn scale} does: the CLI
   * takes seconds to start on a busy machine, longer than a 5-second request.
   */
  private static void scaleToZero(String app) throws IOException {
    App a = controller().apps().get(app);
    controller()
        .formations()
        .put(new Formation(a.id(), a.release(), Map.of("web", 0), null, null, null));
  }

  private static boolean runs(String app) throws IOException {
    return cluster.runningOnHost("web").stream().anyMatch(j -> isOf(j, app));
  }

  private static boolean isOf(ActiveJob job, String app) {
    return app.equals(job.job().meta(HostJob.META_APP_NAME));
  }

  private static ControllerClient controller() throws IOException {
    return new ControllerClient("http://127.0.0.1:" + cluster.controllerPort, cluster.key());
  }

  /** Scales web to 1 and returns the job's address once the router reaches it. */
  private static String scaleToOneJob(String app) throws Exception {
    cluster.flynn("-a", app, "scale", "web=1").ok();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(curl(app, "/").status()).isEqualTo(200));
    var job =
        cluster.runningOnHost("web").stream().filter(j -> isOf(j, app)).findFirst().orElseThrow();
    return "127.0.0.1:" + job.job().config().ports().getFirst().port();
  }

  private static void deploy(String app) throws IOException {
    cluster.flynn("create", app).ok();
    Map<String, Object> release =
        Map.of(
            "processes",
            Map.of(
                "web",
                Map.of(
                    "args",
                    List.of("python3", "-u", "-c", SLOW_APP),
                    "ports",
                    List.of(
                        Map.of(
                            "port",
                            8080,
                            "proto",
                            "tcp",
                            "service",
                            Map.of("name", app + "-web", "create", true))))));
    Path file = cluster.workDir.resolve(app + "-release.json");
    Files.writeString(file, Json.write(release));
    cluster.flynn("-a", app, "release", "add", "-f", file.toString()).ok();
  }

  /** A response as curl got it; status 0 when the connection failed or was cut. */
  private static Curl curl(String app, String path) {
    return Curl.get(cluster.httpPort, app + ".localhost", path, Duration.ofSeconds(30));
  }
}
