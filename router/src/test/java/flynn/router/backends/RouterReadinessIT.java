package flynn.router.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import flynn.api.http.ApiException;
import flynn.api.router.BackendStatus;
import flynn.api.router.RouterClient;
import flynn.router.RouterConfig;
import flynn.router.RouterServer;
import flynn.router.api.RouterApi;
import flynn.router.api.RouterApiConfig;
import flynn.router.testing.StaticBackends;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /backends/ready} through a real router API: hosts wait on it before "up". */
@Timeout(30)
class RouterReadinessIT {
  private static final String ADDR = "127.0.0.1:4567";

  private final StaticBackends backends = new StaticBackends();
  private RouterServer router;
  private RouterApi api;
  private RouterClient client;

  @BeforeEach
  void start() {
    router =
        new RouterServer(
                RouterConfig.of("127.0.0.1", 0, "http://unused", "key", "http://unused", "k"))
            .startWith(backends);
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
  }

  @Test
  void aWaitingCallAnswersReadyOnceTheAddressJoinsItsService() throws Exception {
    backends.set("web");
    CompletableFuture<BackendStatus> waiting =
        CompletableFuture.supplyAsync(
            () -> client.awaitBackend("web", ADDR, Duration.ofSeconds(10)));
    assertThat(waiting).isNotDone();

    backends.set("web", "127.0.0.1:1111", ADDR);

    assertThat(waiting.get(10, TimeUnit.SECONDS))
        .isEqualTo(new BackendStatus("web", ADDR, true, true));
  }

  @Test
  void aBackendAlreadyLiveIsReadyAtOnce() {
    backends.set("web", ADDR);

    assertThat(client.awaitBackend("web", ADDR, Duration.ofSeconds(10)).ready()).isTrue();
  }

  @Test
  void aServiceNoRouteUsesIsNotRoutedSoNobodyWaits() {
    BackendStatus status = client.awaitBackend("other", ADDR, Duration.ofSeconds(10));

    assertThat(status.routed()).isFalse();
    assertThat(status.settled()).isTrue();
  }

  @Test
  void theWaitEndsNotReadyWhenItRunsOut() {
    backends.set("web", "127.0.0.1:1111");

    BackendStatus status = client.awaitBackend("web", ADDR, Duration.ofMillis(200));

    assertThat(status).isEqualTo(new BackendStatus("web", ADDR, true, false));
    assertThat(status.settled()).isFalse();
  }

  @Test
  void anAddressWithoutPortIsRejected() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () -> client.awaitBackend("web", "127.0.0.1", Duration.ofMillis(10)));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.error().field()).isEqualTo("addr");
  }
}
