package flynn.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.discoverd.Instance;
import flynn.api.host.ActiveJob;
import flynn.api.host.ContainerConfig;
import flynn.api.host.HealthCheck;
import flynn.api.host.HostClient;
import flynn.api.host.HostEvent;
import flynn.api.host.HostJob;
import flynn.api.host.JobStatus;
import flynn.api.host.Port;
import flynn.api.host.Service;
import flynn.api.router.RouterClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Health checks and readiness with real processes: an HTTP server that can be made to fail. */
@Timeout(60)
class HealthCheckIT {
  private static final String KEY = "test-key";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final long MS = 1_000_000L;

  /** Answers GET with 200 "ok", or 500 "sick" while the file $FAIL_FILE exists. */
  private static final String SERVER =
      """
      import http.server, os
      class H(http.server.BaseHTTPRequestHandler):
          def do_GET(self):
              sick = os.path.exists(os.environ["FAIL_FILE"])
              body = b"sick" if sick else b"ok"
              self.send_response(500 if sick else 200)
              self.send_header("Content-Length", str(len(body)))
              self.end_headers()
              self.wfile.write(body)
          def log_message(self, *args):
              pass
      http.server.HTTPServer(("127.0.0.1", int(os.environ["PORT"])), H).serve_forever()
      """;

  @TempDir Path stateDir;
  @TempDir Path work;
  private final FakeDiscoverd discoverd = new FakeDiscoverd();
  private final FakeRouterApi router = new FakeRouterApi();
  private Path failFile;
  private HostDaemon daemon;
  private HostClient client;
  private Received<HostEvent> events;

  @BeforeEach
  void start() {
    failFile = work.resolve("fail");
    router.drain(); // every drain wait answers at once: these tests are not about draining
    discoverd.list(RouterClient.SERVICE, List.of(Instance.of("http", router.addr(), Map.of())));
    daemon =
        new HostDaemon(
            new HostConfig("host1", stateDir, "127.0.0.1", 0, discoverd.url(), KEY),
            new ProcessRunner(),
            Duration.ofMillis(500));
    daemon.start();
    client = new HostClient(daemon.url(), KEY);
    events = new Received<>(client.streamEvents(), HostEvent.class);
  }

  @AfterEach
  void stop() throws Exception {
    if (events != null) {
      events.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    router.close();
    discoverd.close();
  }

  private static HealthCheck httpCheck(boolean killDown, long startTimeoutMs) {
    return new HealthCheck(
        "http", 200 * MS, 2, killDown, startTimeoutMs * MS, "/health", null, "ok", null);
  }

  private void addWebJob(String id, HealthCheck check) {
    ContainerConfig config =
        new ContainerConfig(
            List.of("python3", "-c", SERVER),
            null,
            null,
            Map.of("FAIL_FILE", failFile.toString()),
            List.of(new Port(0, "tcp", new Service("web-svc", true, check))),
            null,
            null,
            null,
            null,
            null);
    client.addJob(new HostJob(id, Map.of(HostJob.META_APP, "app1"), null, null, config, null));
  }

  private ActiveJob next(String id, String event) throws InterruptedException {
    return events.next(e -> e.jobId().equals(id) && e.event().equals(event), WAIT).job();
  }

  private long calls(String method) {
    return discoverd.calls("web-svc").stream().filter(c -> c.method().equals(method)).count();
  }

  @Test
  void aJobIsUpOnlyOnceItsCheckPassesAndEveryRouterRoutesToIt() throws Exception {
    router.holdReady();
    addWebJob("web1", httpCheck(false, 10_000));

    await().atMost(WAIT).until(() -> router.askedReady().size() == 1);
    assertThat(calls("PUT")).isPositive();
    assertThat(client.getJob("web1").status()).isEqualTo(JobStatus.STARTING);

    router.routeNow();

    ActiveJob up = next("web1", HostEvent.START);
    assertThat(router.askedReady())
        .containsExactly("127.0.0.1:" + up.job().config().ports().getFirst().port());
  }

  @Test
  void aJobWhoseCheckNeverPassesFailsToStartWithTheLastCheckError() throws Exception {
    Files.writeString(failFile, "");
    addWebJob("never", httpCheck(false, 1_000));

    ActiveJob failed = next("never", HostEvent.ERROR);

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error())
        .isEqualTo(
            "health check did not pass within 1s: GET /health: status 500, expected 2xx or 3xx");
    assertThat(calls("PUT")).isZero();
  }

  @Test
  void anUpJobThatFailsItsCheckIsDeregisteredAndRegisteredAgainOnceItPasses() throws Exception {
    addWebJob("flaky", httpCheck(false, 10_000));
    next("flaky", HostEvent.START);

    Files.writeString(failFile, "");
    await().atMost(WAIT).until(() -> calls("DELETE") == 1);
    assertThat(client.getJob("flaky").status()).isEqualTo(JobStatus.RUNNING);
    long registrations = calls("PUT");

    Files.delete(failFile);
    await().atMost(WAIT).until(() -> calls("PUT") > registrations);
  }

  @Test
  void withKillDownAJobThatStaysUnhealthyIsKilledAndReportedCrashedWithWhy() throws Exception {
    addWebJob("doomed", httpCheck(true, 10_000));
    next("doomed", HostEvent.START);

    Files.writeString(failFile, "");
    ActiveJob stopped = next("doomed", HostEvent.STOP);

    assertThat(stopped.status()).isEqualTo(JobStatus.CRASHED);
    assertThat(stopped.error())
        .isEqualTo(
            "killed: health check failed 2 times in a row: GET /health: status 500,"
                + " expected 2xx or 3xx");
    assertThat(calls("DELETE")).isEqualTo(1);
  }

  @Test
  void aCrashedJobReportsItsLastOutputLines() throws Exception {
    client.addJob(
        shellJob(
            "crash",
            "for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo line $i; done; echo boom;" + " exit 3",
            null));

    ActiveJob crashed = next("crash", HostEvent.STOP);

    assertThat(crashed.status()).isEqualTo(JobStatus.CRASHED);
    assertThat(crashed.exitStatus()).isEqualTo(3);
    assertThat(crashed.error().lines().toList())
        .hasSize(10)
        .startsWith("line 4")
        .endsWith("line 12", "boom");
  }

  @Test
  void aJobsOwnStopGraceLetsItFinishItsShutdownWhereTheHostsWouldKillIt() throws Exception {
    String trapsTerm =
        "trap 'sleep 1; echo bye; exit 0' TERM; echo ready; while :; do sleep 0.1; done";
    // one after the other: the events of two jobs started together can come in either order
    client.addJob(shellJob("patient", trapsTerm, 5));
    next("patient", HostEvent.START);
    client.addJob(shellJob("hasty", trapsTerm, null));
    next("hasty", HostEvent.START);

    client.stopJob("patient");
    client.stopJob("hasty");

    assertThat(client.getJob("patient").exitStatus()).isZero();
    assertThat(client.getJob("hasty").exitStatus()).isEqualTo(137);
  }

  private static HostJob shellJob(String id, String script, Integer stopGrace) {
    ContainerConfig config =
        new ContainerConfig(
            List.of("sh", "-c", script),
            null,
            null,
            Map.of(),
            List.of(),
            null,
            null,
            null,
            null,
            null);
    return new HostJob(
        id, Map.of(HostJob.META_APP, "app1"), null, null, config, null, null, stopGrace);
  }
}
