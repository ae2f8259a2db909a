package flynn.router.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.Json;
import flynn.api.http.SseStream;
import flynn.api.router.DrainStatus;
import flynn.api.router.Route;
import flynn.api.router.RouterClient;
import flynn.api.router.RouterEvent;
import flynn.router.RouterConfig;
import flynn.router.RouterServer;
import flynn.router.api.RouterApi;
import flynn.router.api.RouterApiConfig;
import flynn.router.routes.RouteTable;
import flynn.router.testing.StaticBackends;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Draining through a real router and its API: in-flight requests finish, then drained. */
@org.junit.jupiter.api.Timeout(60)
class RouterDrainIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final StaticBackends backends = new StaticBackends();
  private SlowBackend slow;
  private RouterServer router;
  private RouterApi api;
  private RouterClient client;
  private int tcpPort;

  @BeforeEach
  void start() throws Exception {
    slow = new SlowBackend();
    backends.set("drains", slow.addr());
    tcpPort = freePort();
    router =
        new RouterServer(
                RouterConfig.of("127.0.0.1", 0, "http://unused", "key", "http://unused", "k")
                    .withTcpPorts(tcpPort, tcpPort))
            .startWith(backends);
    router
        .routes()
        .replace(
            RouteTable.of(
                List.of(
                    route("d", "drain.localhost", "drains", true),
                    route("n", "nodrain.localhost", "nodrains", false),
                    Route.tcp(tcpPort, "drains").withId("t").withDrainBackends(true))));
    api =
        RouterApi.start(
            RouterApiConfig.of("127.0.0.1", 0, "key"),
            router.drains(),
            router.readiness(),
            router.metrics());
    client = new RouterClient("http://127.0.0.1:" + api.port(), "key");
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (router != null) {
      router.close();
    }
    if (slow != null) {
      slow.close();
    }
  }

  @Test
  void aRequestInFlightFinishesAfterItsBackendLeavesAndOnlyThenIsItDrained() throws Exception {
    SseStream events = client.streamEvents();
    CompletableFuture<HttpResponse<String>> inFlight = getAsync("drain.localhost");
    await().atMost(Duration.ofSeconds(5)).until(() -> router.drains().inFlight(slow.addr()) == 1);

    backends.set("drains");
    DrainStatus early = client.awaitDrained(slow.addr(), Duration.ofMillis(100));
    assertThat(early.drained()).isFalse();
    assertThat(early.inFlight()).isEqualTo(1);
    assertThat(getAsync("drain.localhost").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);

    CompletableFuture<DrainStatus> waiting =
        CompletableFuture.supplyAsync(
            () -> client.awaitDrained(slow.addr(), Duration.ofSeconds(10)));
    assertThat(waiting).isNotDone();
    slow.release();

    HttpResponse<String> res = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEqualTo(SlowBackend.BODY);
    assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(new DrainStatus(slow.addr(), true, 0));
    try (events) {
      RouterEvent.Backend b = new RouterEvent.Backend("drains", slow.addr(), "app", null);
      assertThat(nextEvent(events)).isEqualTo(new RouterEvent(RouterEvent.BACKEND_DOWN, b));
      assertThat(nextEvent(events)).isEqualTo(new RouterEvent(RouterEvent.BACKEND_DRAINED, b));
    }
  }

  /** The stream's next event; the test's own timeout bounds a stream that stays silent. */
  private static RouterEvent nextEvent(SseStream events) throws Exception {
    return Json.read(events.next().orElseThrow().data(), RouterEvent.class);
  }

  @Test
  void aRouteThatDoesNotDrainReportsItsBackendDrainedWhileARequestIsInFlight() throws Exception {
    backends.set("nodrains", slow.addr());
    CompletableFuture<HttpResponse<String>> inFlight = getAsync("nodrain.localhost");
    backends.set("drains");
    await().atMost(Duration.ofSeconds(5)).until(() -> slow.arrived() == 1);

    backends.set("nodrains");

    assertThat(client.awaitDrained(slow.addr(), Duration.ofSeconds(5)).drained()).isTrue();
    assertThat(inFlight).isNotDone();
  }

  @Test
  void anOpenTcpConnectionIsInFlightUntilItCloses() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcpPort)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> router.drains().inFlight(slow.addr()) == 1);
      backends.set("drains");
      assertThat(client.awaitDrained(slow.addr(), Duration.ofMillis(100)).drained()).isFalse();
      assertThat(s.isConnected()).isTrue();
    }
    assertThat(client.awaitDrained(slow.addr(), Duration.ofSeconds(5)).drained()).isTrue();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void metricsCountTheAppsRequestsByStatusClass() throws Exception {
    slow.release();
    assertThat(getAsync("drain.localhost").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    backends.set("drains");
    assertThat(getAsync("drain.localhost").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);

    assertThat(client.metrics())
        .contains("flynn_router_requests_total{app=\"app-d\",status=\"2xx\"} 1\n")
        .contains("flynn_router_requests_total{app=\"app-d\",status=\"5xx\"} 1\n");
  }

  private static Route route(String id, String domain, String service, boolean drain) {
    return Route.http(domain, null, service)
        .withId(id)
        .withParentRef("controller/apps/app-" + id)
        .withDrainBackends(drain);
  }

  private CompletableFuture<HttpResponse<String>> getAsync(String host) {
    return CLIENT.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.httpPort() + "/slow"))
            .timeout(Duration.ofSeconds(20))
            .header("Host", host)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
