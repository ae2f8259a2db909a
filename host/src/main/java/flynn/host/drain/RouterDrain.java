package flynn.host.drain;

import flynn.api.discoverd.DiscoverdClient;
import flynn.api.router.DrainStatus;
import flynn.api.router.RouterClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every router in discoverd ({@link RouterClient#SERVICE}) to report each address drained, all
 * at once; what has not answered by the deadline is abandoned.
 */
public final class RouterDrain implements BackendDrain {
  private static final Logger LOG = LoggerFactory.getLogger(RouterDrain.class);

  private final Routers routers;
  private final Clock clock;

  public RouterDrain(DiscoverdClient discoverd, String key, Clock clock) {
    this.routers = new Routers(discoverd, key);
    this.clock = clock;
  }

  @Override
  public void await(String jobId, List<String> addrs, Duration timeout) {
    List<RouterClient> clients = routers.clients(jobId, "drain");
    if (clients.isEmpty() || addrs.isEmpty()) {
      return;
    }
    Instant start = clock.instant();
    List<Callable<DrainStatus>> asks = new ArrayList<>();
    for (RouterClient client : clients) {
      addrs.forEach(addr -> asks.add(() -> client.awaitDrained(addr, timeout)));
    }
    int drained = Routers.count(asks, timeout, DrainStatus::drained);
    long waited = Duration.between(start, clock.instant()).toMillis();
    if (drained == asks.size()) {
      LOG.info(
          "job={} event=drained addrs={} routers={} waited_ms={}",
          jobId,
          addrs,
          clients.size(),
          waited);
    } else {
      LOG.warn(
          "job={} event=drain-timeout addrs={} routers={} drained={}/{} waited_ms={}",
          jobId,
          addrs,
          clients.size(),
          drained,
          asks.size(),
          waited);
    }
  }
}
