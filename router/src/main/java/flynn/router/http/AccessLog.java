package flynn.router.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per request (logger {@code flynn.router.access}) and a request counter per
 * route. The event loop only captures the line's fields; {@link AccessLogWriter}'s thread formats
 * and writes it. {@link #close} stops that thread.
 */
public final class AccessLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("flynn.router.access");
  private static final int QUEUE_CAPACITY = 65_536;

  private final Map<String, LongAdder> requestsByRoute = new ConcurrentHashMap<>();
  private final AccessLogWriter writer = new AccessLogWriter(QUEUE_CAPACITY, AccessLog::write);

  void record(Exchange e, long nowNanos) {
    if (e.logged) {
      return;
    }
    e.logged = true;
    String route = e.route == null ? "-" : e.route.formattedId();
    requestsByRoute.computeIfAbsent(route, r -> new LongAdder()).increment();
    if (LOG.isInfoEnabled()) {
      writer.offer(line(e, route, nowNanos));
    }
  }

  private static AccessLine line(Exchange e, String route, long nowNanos) {
    return new AccessLine(
        app(e),
        route,
        e.request.method().name(),
        e.request.headers().get("Host", "-"),
        e.path(),
        e.status,
        e.bytes,
        (nowNanos - e.startNanos) / 1_000_000,
        e.backend == null ? "-" : e.backend.addr(),
        e.requestId);
  }

  private static void write(AccessLine l) {
    LOG.info(
        "request app={} route={} method={} host={} path={} status={} bytes={} duration_ms={}"
            + " backend={} request_id={}",
        l.app(),
        l.route(),
        l.method(),
        l.host(),
        l.path(),
        l.status(),
        l.bytes(),
        l.durationMs(),
        l.backend(),
        l.requestId());
  }

  /** Requests served on {@code routeId} ({@code http/<id>}; {@code -} for unrouted ones). */
  public long requests(String routeId) {
    LongAdder n = requestsByRoute.get(routeId);
    return n == null ? 0 : n.sum();
  }

  /** Lines not written because the writer fell behind. */
  public long droppedLines() {
    return writer.dropped();
  }

  /** Writes the lines still queued and stops the writer thread. */
  @Override
  public void close() {
    writer.close();
  }

  private static String app(Exchange e) {
    if (e.backend != null && e.backend.app() != null) {
      return e.backend.app();
    }
    String parent = e.route == null ? null : e.route.parentRef();
    return parent == null ? "-" : parent.substring(parent.lastIndexOf('/') + 1);
  }
}
