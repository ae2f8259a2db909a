package flynn.host.drain;

import flynn.api.discoverd.DiscoverdClient;
import flynn.api.router.BackendStatus;
import flynn.api.router.RouterClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every router in discoverd, all at once, to report an address a live backend of its service;
 * a router with no route to the service answers at once.
 */
public final class RouterReadiness implements BackendReadiness {
  private static final Logger LOG = LoggerFactory.getLogger(RouterReadiness.class);

  private final Routers routers;
  private final Clock clock;

  public RouterReadiness(DiscoverdClient discoverd, String key, Clock clock) {
    this.routers = new Routers(discoverd, key);
    this.clock = clock;
  }

  @Override
  public boolean await(String jobId, String service, String addr, Duration timeout) {
    List<RouterClient> clients = routers.clients(jobId, "readiness");
    if (clients.isEmpty()) {
      return true;
    }
    Instant start = clock.instant();
    List<Callable<BackendStatus>> asks =
        clients.stream()
            .<Callable<BackendStatus>>map(c -> () -> c.awaitBackend(service, addr, timeout))
            .toList();
    int ready = Routers.count(asks, timeout, BackendStatus::settled);
    long waited = Duration.between(start, clock.instant()).toMillis();
    if (ready == asks.size()) {
      LOG.info(
          "job={} event=routed service={} addr={} routers={} waited_ms={}",
          jobId,
          service,
          addr,
          clients.size(),
          waited);
      return true;
    }
    LOG.warn(
        "job={} event=routing-timeout service={} addr={} ready={}/{} waited_ms={}",
        jobId,
        service,
        addr,
        ready,
        asks.size(),
        waited);
    return false;
  }
}
