package flynn.router.api;

import flynn.api.router.RouterClient;
import flynn.http.ApiServer;
import flynn.router.backends.Drains;
import flynn.router.backends.Readiness;
import flynn.router.metrics.AppMetrics;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's own API, on its own port: readiness waits ({@code GET /backends/ready}) for hosts
 * starting routed jobs, drain waits ({@code GET /drained}) for hosts stopping them, Flynn's drain
 * events ({@code GET /events}, SSE) and per-app metrics ({@code GET /metrics}). Its clients find it
 * in discoverd as {@link RouterClient#SERVICE}.
 */
public final class RouterApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RouterApi.class);

  private final ApiServer server;

  private RouterApi(ApiServer server) {
    this.server = server;
  }

  public static RouterApi start(
      RouterApiConfig config, Drains drains, Readiness readiness, AppMetrics metrics) {
    ApiServer server =
        ApiServer.start(
            config.bindHost(),
            config.port(),
            config.key(),
            Set.of(),
            routing ->
                routing
                    .register("/drained", new DrainApi(drains, config.maxWait()))
                    .register("/backends", new BackendsApi(readiness, config.maxWait()))
                    .register("/events", new EventsApi(drains))
                    .register("/metrics", new MetricsApi(metrics)));
    LOG.info("router api started addr={}:{}", config.bindHost(), server.port());
    return new RouterApi(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    LOG.info("router api stopped");
  }
}
