package flynn.host.drain;

import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Instance;
import flynn.api.http.ApiException;
import flynn.api.router.DrainStatus;
import flynn.api.router.RouterClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every router in discoverd ({@link RouterClient#SERVICE}) to report each address drained, all
 * at once, each on a virtual thread; what has not answered by the deadline is abandoned.
 */
public final class RouterDrain implements BackendDrain {
  private static final Logger LOG = LoggerFactory.getLogger(RouterDrain.class);

  private final DiscoverdClient discoverd;
  private final String key;
  private final Clock clock;

  public RouterDrain(DiscoverdClient discoverd, String key, Clock clock) {
    this.discoverd = discoverd;
    this.key = key;
    this.clock = clock;
  }

  @Override
  public void await(String jobId, List<String> addrs, Duration timeout) {
    List<Instance> routers = routers(jobId);
    if (routers.isEmpty() || addrs.isEmpty()) {
      return;
    }
    Instant start = clock.instant();
    List<Callable<DrainStatus>> asks = new ArrayList<>();
    for (Instance router : routers) {
      RouterClient client = new RouterClient("http://" + router.addr(), key);
      addrs.forEach(addr -> asks.add(() -> client.awaitDrained(addr, timeout)));
    }
    int drained = ask(asks, timeout);
    long waited = Duration.between(start, clock.instant()).toMillis();
    if (drained == asks.size()) {
      LOG.info(
          "job={} event=drained addrs={} routers={} waited_ms={}",
          jobId,
          addrs,
          routers.size(),
          waited);
    } else {
      LOG.warn(
          "job={} event=drain-timeout addrs={} routers={} drained={}/{} waited_ms={}",
          jobId,
          addrs,
          routers.size(),
          drained,
          asks.size(),
          waited);
    }
  }

  private List<Instance> routers(String jobId) {
    try {
      List<Instance> routers = discoverd.instances(RouterClient.SERVICE);
      return routers == null ? List.of() : routers;
    } catch (ApiException e) {
      LOG.warn("job={} event=drain-skipped reason=\"{}\"", jobId, e.getMessage());
      return List.of();
    }
  }

  /** How many of {@code asks} answered drained within {@code timeout}. */
  private static int ask(List<Callable<DrainStatus>> asks, Duration timeout) {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      // a little slack: the routers time the wait out themselves and answer "not drained"
      List<Future<DrainStatus>> answers =
          threads.invokeAll(asks, timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      int drained = 0;
      for (Future<DrainStatus> answer : answers) {
        drained += isDrained(answer) ? 1 : 0;
      }
      return drained;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static boolean isDrained(Future<DrainStatus> answer) throws InterruptedException {
    try {
      return answer.get().drained();
    } catch (CancellationException e) {
      return false;
    } catch (ExecutionException e) {
      LOG.warn("event=drain-ask-failed reason=\"{}\"", e.getCause().getMessage());
      return false;
    }
  }
}
