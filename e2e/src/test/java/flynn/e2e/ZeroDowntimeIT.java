package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.Json;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Deployment;
import flynn.api.controller.Job;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 6's acceptance as users see it, in runc containers and through the router: while an app
 * with three web jobs is deployed (each strategy), rolled back or restarted, eight keep-alive
 * clients and one 5-second request see no connection error and no 5xx; a release that crashes or
 * fails its health check is not deployed and the old one keeps serving; a flynn-host killed with
 * SIGKILL mid-deploy ends the deployment once it is up again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZeroDowntimeIT {
  /**
   * Answers its {@code V} env var; {@code /slow} after 5 s; {@code /health} is 500 with {@code
   * UNHEALTHY} set; exits 1 at start with {@code CRASH} set.
   */
  private static final String APP =
      """
      import http.server, os, sys, time
      if os.environ.get("CRASH"):
          sys.exit(1)
      class H(http.server.BaseHTTPRequestHandler):
          def do_GET(self):
              if self.path == "/slow":
                  time.sleep(5)
              status = 500 if self.path == "/health" and os.environ.get("UNHEALTHY") else 200
              body = ("v=" + os.environ.get("V", "1") + "\\n").encode()
              self.send_response(status)
              self.send_header("Content-Length", str(len(body)))
              self.end_headers()
              self.wfile.write(body)
          def log_message(self, *args):
              pass
      http.server.ThreadingHTTPServer(("", int(os.environ["PORT"])), H).serve_forever()
      """;

  private static final int WEB = 3;
  private static final int CLIENTS = 8;
  private static final Duration DEPLOYED = Duration.ofSeconds(180);

  private static Cluster cluster;
  private static ControllerClient controller;

  @BeforeAll
  static void up() throws Exception {
    Machine.assumeContainers("ZeroDowntimeIT", "runc");
    cluster = Cluster.start(List.of("--runner", "runc"));
    controller = new ControllerClient("http://127.0.0.1:" + cluster.controllerPort, cluster.key());
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"all-at-once", "one-by-one", "one-down-one-up", "in-batches"})
  @Order(1)
  void aDeployWithEachStrategyDropsNoRequest(String strategy) throws Exception {
    String app = "zd-" + strategy;
    String old = runningApp(app, strategy);

    Cluster.Result deploy = underLoad(app, () -> cluster.flynn("-a", app, "env", "set", "V=2"));

    deploy.ok();
    assertThat(deploy.err()).contains("=====> Deploying release").contains("Release deployed");
    String next = controller.apps().get(app).release();
    assertThat(next).isNotEqualTo(old);
    assertThat(upWebJobs(app)).hasSize(WEB).allMatch(j -> next.equals(j.release()));
    assertThat(controller.deployments().list(controller.apps().get(app).id()))
        .anySatisfy(d -> {
          assertThat(d.newRelease()).isEqualTo(next);
          assertThat(d.strategy()).isEqualTo(strategy);
          assertThat(d.status()).isEqualTo(Deployment.COMPLETE);
        });
  }

  @Test
  @Order(2)
  void aRollbackDropsNoRequest() throws Exception {
    String app = "zd-rollback";
    String first = runningApp(app, Deployment.ONE_BY_ONE);
    cluster.flynn("-a", app, "env", "set", "V=2").ok();

    underLoad(app, () -> cluster.flynn("-a", app, "release", "rollback", "-y")).ok();

    assertThat(controller.apps().get(app).release()).isEqualTo(first);
    assertThat(upWebJobs(app)).hasSize(WEB).allMatch(j -> first.equals(j.release()));
  }

  @Test
  @Order(3)
  void aReleaseThatCrashesOnStartFailsTheDeployAndTheOldOneKeepsServing() throws Exception {
    String app = "zd-crash";
    String old = runningApp(app, Deployment.ALL_AT_ONCE);

    Cluster.Result deploy = underLoad(app, () -> cluster.flynn("-a", app, "env", "set", "CRASH=1"));

    deploy.failed();
    assertThat(deploy.err()).contains("! Deploy failed: ");
    assertOldReleaseServes(app, old);
  }

  @Test
  @Order(4)
  void aReleaseThatFailsItsHealthCheckFailsTheDeployAndTheOldOneKeepsServing() throws Exception {
    String app = "zd-unhealthy";
    String old = runningApp(app, Deployment.ONE_BY_ONE);

    Cluster.Result deploy =
        underLoad(app, () -> cluster.flynn("-a", app, "env", "set", "UNHEALTHY=1"));

    deploy.failed();
    assertThat(deploy.err()).contains("! Deploy failed: ");
    assertOldReleaseServes(app, old);
  }

  @Test
  @Order(5)
  void restartReplacesEveryWebJobAndDropsNoRequest() throws Exception {
    String app = "zd-restart";
    runningApp(app, Deployment.ALL_AT_ONCE);
    Set<String> before = ids(upWebJobs(app));

    underLoad(app, () -> cluster.flynn("-a", app, "restart", "web")).ok();

    List<Job> after = upWebJobs(app);
    assertThat(after).hasSize(WEB);
    assertThat(ids(after)).doesNotContainAnyElementsOf(before);
    assertThat(controller.apps().get(app).strategy())
        .as("the restart went one-by-one without changing the app's strategy")
        .isEqualTo(Deployment.ALL_AT_ONCE);
    assertThat(controller.deployments().list(controller.apps().get(app).id()))
        .anySatisfy(d -> {
          assertThat(d.strategy()).isEqualTo(Deployment.ONE_BY_ONE);
          assertThat(d.status()).isEqualTo(Deployment.COMPLETE);
        });
  }

  @Test
  @Order(6)
  void aDeploymentCutByKill9OfTheHostEndsOnceItIsUpAgain() throws Exception {
    String app = "zd-kill";
    runningApp(app, Deployment.ONE_BY_ONE);
    String appId = controller.apps().get(app).id();
    String next = newRelease(app, "V", "2");
    Deployment d = controller.deployments().create(appId, next);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !Deployment.PENDING.equals(controller.deployments().get(d.id()).status()));

    cluster.kill9();
    cluster.up();

    await()
        .atMost(DEPLOYED)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> controller.deployments().get(d.id()).finished());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() ->
            assertThat(HttpLoad.once(cluster.httpPort, app + ".localhost", "/")).isEqualTo(200));
    String serving = controller.apps().get(app).release();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() ->
            assertThat(upWebJobs(app)).hasSize(WEB).allMatch(j -> serving.equals(j.release())));
  }

  /**
   * Runs {@code action} (a CLI command) while {@link #CLIENTS} clients load the app and one
   * 5-second request is in flight; asserts none of them failed.
   */
  private static Cluster.Result underLoad(String app, Supplier<Cluster.Result> action)
      throws Exception {
    String host = app + ".localhost";
    Cluster.Result result;
    HttpLoad load = HttpLoad.start(cluster.httpPort, host, "/", CLIENTS);
    try {
      CompletableFuture<Integer> slow =
          CompletableFuture.supplyAsync(() -> HttpLoad.once(cluster.httpPort, host, "/slow"));
      await().atMost(Duration.ofSeconds(10)).until(() -> load.succeeded() > 0);
      result = action.get();
      assertThat(slow.get(60, TimeUnit.SECONDS)).as("the 5-second request's status").isEqualTo(200);
    } finally {
      load.close();
    }
    assertThat(load.failed())
        .as("failed requests of %s; first failures: %s", load.succeeded(), load.failures())
        .isZero();
    assertThat(load.succeeded()).isPositive();
    return result;
  }

  /** Creates {@code app}, sets its strategy, scales web to {@link #WEB}; returns its release. */
  private static String runningApp(String app, String strategy) throws IOException {
    cluster.createApp(app, Json.write(release(app, Map.of())));
    cluster.flynn("-a", app, "deployment", "strategy", strategy).ok();
    if (Deployment.IN_BATCHES.equals(strategy)) {
      cluster.flynn("-a", app, "deployment", "batch-size", "2").ok();
    }
    cluster.flynn("-a", app, "scale", "web=" + WEB).ok();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(upWebJobs(app)).hasSize(WEB));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() ->
            assertThat(HttpLoad.once(cluster.httpPort, app + ".localhost", "/")).isEqualTo(200));
    return controller.apps().get(app).release();
  }

  /** A release of the app with one more env var, created but not deployed. */
  private static String newRelease(String app, String key, String value) throws IOException {
    var created =
        controller
            .releases()
            .create(
                Json.mapper()
                    .convertValue(
                        Map.of(
                            "app_id",
                            controller.apps().get(app).id(),
                            "env",
                            Map.of(key, value),
                            "processes",
                            release(app, Map.of()).get("processes")),
                        flynn.api.controller.Release.class));
    return created.id();
  }

  private static void assertOldReleaseServes(String app, String old) {
    assertThat(controller.apps().get(app).release()).isEqualTo(old);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(upWebJobs(app)).hasSize(WEB).allMatch(j -> old.equals(j.release())));
    assertThat(HttpLoad.once(cluster.httpPort, app + ".localhost", "/")).isEqualTo(200);
  }

  private static List<Job> upWebJobs(String app) {
    return cluster.jobs(app).stream()
        .filter(j -> "web".equals(j.type()) && "up".equals(j.state()))
        .toList();
  }

  private static Set<String> ids(List<Job> jobs) {
    return jobs.stream().map(Job::id).collect(Collectors.toSet());
  }

  /** The app's web process with an HTTP health check on {@code /health}, every half second. */
  private static Map<String, Object> release(String app, Map<String, String> env) {
    Map<String, Object> check =
        Map.of(
            "type",
            "http",
            "path",
            "/health",
            "status",
            200,
            "interval",
            Duration.ofMillis(500).toNanos(),
            "threshold",
            2,
            "start_timeout",
            Duration.ofSeconds(20).toNanos());
    Map<String, Object> service = Map.of("name", app + "-web", "create", true, "check", check);
    Map<String, Object> web =
        Map.of(
            "args",
            List.of("python3", "-u", "-c", APP),
            "ports",
            List.of(Map.of("port", 8080, "proto", "tcp", "service", service)));
    return Map.of("env", env, "processes", Map.of("web", web));
  }
}
