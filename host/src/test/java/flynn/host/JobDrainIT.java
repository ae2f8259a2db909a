package flynn.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.discoverd.Instance;
import flynn.api.host.ActiveJob;
import flynn.api.host.ContainerConfig;
import flynn.api.host.HostClient;
import flynn.api.host.HostEvent;
import flynn.api.host.HostJob;
import flynn.api.host.JobStatus;
import flynn.api.host.Port;
import flynn.api.host.Service;
import flynn.api.router.RouterClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a job registered in discoverd waits for the routers to drain it, bounded. */
class JobDrainIT {
  private static final String KEY = "test-key";
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path stateDir;
  private final FakeDiscoverd discoverd = new FakeDiscoverd();
  private final FakeRouterApi router = new FakeRouterApi();
  private HostDaemon daemon;
  private HostClient client;
  private Received<HostEvent> events;

  @AfterEach
  void tearDown() throws Exception {
    if (events != null) {
      events.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    router.close();
    discoverd.close();
  }

  private void startDaemon(Duration drainTimeout) {
    discoverd.list(RouterClient.SERVICE, List.of(Instance.of("http", router.addr(), Map.of())));
    daemon =
        new HostDaemon(
            new HostConfig("host1", stateDir, "127.0.0.1", 0, discoverd.url(), KEY, drainTimeout),
            new ProcessRunner(),
            Duration.ofMillis(500));
    daemon.start();
    client = new HostClient(daemon.url(), KEY);
    events = new Received<>(client.streamEvents(), HostEvent.class);
  }

  /** A web job registered as service {@code web-svc}; returns its address once it is up. */
  private String startWebJob(String id) throws InterruptedException {
    ContainerConfig config =
        new ContainerConfig(
            List.of("sh", "-c", "exec python3 -m http.server \"$PORT\" --bind 127.0.0.1"),
            null,
            null,
            Map.of(),
            List.of(new Port(0, "tcp", new Service("web-svc", true, null))),
            null,
            null,
            null,
            null,
            null);
    Map<String, String> meta = Map.of(HostJob.META_APP, "app1", HostJob.META_TYPE, "web");
    client.addJob(new HostJob(id, meta, null, null, config, null));
    ActiveJob up =
        events.next(e -> e.jobId().equals(id) && e.event().equals(HostEvent.START), WAIT).job();
    return "127.0.0.1:" + up.job().config().ports().getFirst().port();
  }

  @Test
  void aRoutedJobIsDeregisteredThenSignalledOnlyOnceTheRoutersReportItDrained() throws Exception {
    startDaemon(Duration.ofSeconds(20));
    String addr = startWebJob("web1");

    CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> client.stopJob("web1"));
    await().atMost(WAIT).until(() -> router.asked().contains(addr));

    assertThat(discoverd.calls("web-svc"))
        .extracting(FakeDiscoverd.Call::method)
        .containsExactly("PUT", "DELETE");
    assertThat(client.getJob("web1").status()).isEqualTo(JobStatus.RUNNING);
    assertThat(stop).isNotDone();

    router.drain();

    stop.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(client.getJob("web1").status()).isEqualTo(JobStatus.DONE);
  }

  @Test
  void aStopDoesNotWaitLongerThanTheDrainTimeout() throws Exception {
    startDaemon(Duration.ofMillis(300));
    startWebJob("web2");

    client.stopJob("web2");

    assertThat(client.getJob("web2").status()).isEqualTo(JobStatus.DONE);
    assertThat(router.asked()).hasSize(1);
  }

  @Test
  void aJobWithoutServicePortsIsNotDrained() throws Exception {
    startDaemon(Duration.ofSeconds(20));
    client.addJob(
        new HostJob(
            "plain",
            Map.of(HostJob.META_APP, "app1", HostJob.META_TYPE, "worker"),
            null,
            null,
            new ContainerConfig(
                List.of("sleep", "1000"),
                null,
                null,
                Map.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null),
            null));
    events.next(e -> e.jobId().equals("plain") && e.event().equals(HostEvent.START), WAIT);

    client.stopJob("plain");

    assertThat(client.getJob("plain").status()).isEqualTo(JobStatus.DONE);
    assertThat(router.asked()).isEmpty();
  }
}
