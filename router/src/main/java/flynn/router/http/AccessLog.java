package flynn.router.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per request (logger {@code flynn.router.access}) and a request counter per
 * route.
 */
public final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("flynn.router.access");

  private final Map<String, LongAdder> requestsByRoute = new ConcurrentHashMap<>();

  void record(Exchange e, long nowNanos) {
    if (e.logged) {
      return;
    }
    e.logged = true;
    String route = e.route == null ? "-" : e.route.formattedId();
    requestsByRoute.computeIfAbsent(route, r -> new LongAdder()).increment();
    if (LOG.isInfoEnabled()) {
      LOG.info(
          "request app={} route={} method={} host={} path={} status={} bytes={} duration_ms={}"
              + " backend={} request_id={}",
          app(e),
          route,
          e.request.method(),
          e.request.headers().get("Host", "-"),
          e.path(),
          e.status,
          e.bytes,
          (nowNanos - e.startNanos) / 1_000_000,
          e.backend == null ? "-" : e.backend.addr(),
          e.requestId);
    }
  }

  /** Requests served on {@code routeId} ({@code http/<id>}; {@code -} for unrouted ones). */
  public long requests(String routeId) {
    LongAdder n = requestsByRoute.get(routeId);
    return n == null ? 0 : n.sum();
  }

  private static String app(Exchange e) {
    if (e.backend != null && e.backend.app() != null) {
      return e.backend.app();
    }
    String parent = e.route == null ? null : e.route.parentRef();
    return parent == null ? "-" : parent.substring(parent.lastIndexOf('/') + 1);
  }
}
