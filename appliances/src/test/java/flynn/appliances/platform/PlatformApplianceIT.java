package flynn.appliances.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.ControllerClient;
import flynn.api.controller.Release;
import flynn.api.discoverd.DiscoverdClient;
import flynn.api.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A platform appliance against the controller's and discoverd's HTTP endpoints (in memory). */
class PlatformApplianceIT {
  private static final ApplianceSpec SPEC =
      new ApplianceSpec(
          "postgres", "postgres", "postgres", 5432, "postgres", List.of("start"), 1L << 30);

  private final FakeCluster cluster = new FakeCluster();
  private final AppliancePlatform platform =
      new AppliancePlatform(
          new ControllerClient(cluster.url(), "key"),
          new DiscoverdClient(cluster.url()),
          Clock.systemUTC());
  private final AtomicInteger passwordsMade = new AtomicInteger();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private PlatformAppliance appliance(Duration timeout) {
    return new PlatformAppliance(
        platform,
        SPEC,
        () -> Map.of("PGPASSWORD", "made-" + passwordsMade.incrementAndGet()),
        (address, env) -> new Superuser(address, "flynn", env.get("PGPASSWORD")),
        user -> true,
        timeout);
  }

  @Test
  void concurrentFirstProvisionsCreateTheApplianceOnce() throws Exception {
    PlatformAppliance appliance = appliance(Duration.ofSeconds(30));
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Superuser>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 4; i++) {
        Callable<Superuser> call =
            () -> {
              go.await();
              return appliance.superuser();
            };
        results.add(pool.submit(call));
      }
      go.countDown();
      for (Future<Superuser> r : results) {
        assertThat(r.get())
            .isEqualTo(new Superuser(new ServerAddress("127.0.0.1", 5432), "flynn", "made-1"));
      }
    }

    assertThat(cluster.changes)
        .containsExactly(
            "app postgres strategy=one-down-one-up",
            "artifact",
            "release",
            "set release release-1",
            "formation {postgres=1}");
    assertThat(passwordsMade).hasValue(1);
  }

  @Test
  void deprovisioningWhenTheApplianceNeverRanStartsNothing() {
    assertThat(appliance(Duration.ofSeconds(30)).existingSuperuser()).isEmpty();
    assertThat(cluster.changes).isEmpty();
  }

  @Test
  void anApplianceThatRanBeforeKeepsItsReleaseAndPassword() {
    cluster.existing(
        "postgres",
        new Release(
            null, null, List.of("a"), Map.of("PGPASSWORD", "kept"), null, Map.of(), null, null));

    Superuser superuser = appliance(Duration.ofSeconds(30)).superuser();

    assertThat(superuser.password()).isEqualTo("kept");
    assertThat(cluster.changes).isEmpty();
    assertThat(passwordsMade).hasValue(0);
  }

  @Test
  void aServerThatNeverAcceptsLoginsIsAClearErrorAfterTheTimeout() {
    PlatformAppliance refusing =
        new PlatformAppliance(
            platform,
            SPEC,
            () -> Map.of("PGPASSWORD", "p"),
            (address, env) -> new Superuser(address, "flynn", env.get("PGPASSWORD")),
            user -> false,
            Duration.ofSeconds(1));

    assertThatThrownBy(refusing::superuser)
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("the postgres server did not come up within 1 s")
        .hasMessageContaining("does not accept logins yet");
  }
}
