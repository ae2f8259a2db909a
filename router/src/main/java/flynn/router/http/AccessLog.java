package flynn.router.http;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per request (logger {@code flynn.router.access}) and a request counter per
 * route. The event loop only captures the line's fields; {@link AccessLogWriter}'s thread formats a
 * batch of lines and logs the batch as one event, so that it costs one write: node's logback
 * configuration gives this logger an appender that writes the message as it is ({@code %msg}).
 * {@link #close} writes what is queued and stops that thread.
 */
public final class AccessLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("flynn.router.access");
  private static final int QUEUE_CAPACITY = 65_536;

  /** Room for a usual line, so that a batch's text is not copied as it grows. */
  private static final int LINE_CHARS = 256;

  private final Map<String, LongAdder> requestsByRoute = new ConcurrentHashMap<>();
  private final TimeOfDay time = new TimeOfDay(ZoneId.systemDefault()); // the writer's thread only
  private final AccessLogWriter writer = new AccessLogWriter(QUEUE_CAPACITY, this::write);

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
        System.currentTimeMillis(),
        app(e),
        route,
        e.request.method().name(),
        e.host == null ? "-" : e.host,
        e.path(),
        e.status,
        e.bytes,
        (nowNanos - e.startNanos) / 1_000_000,
        e.backend == null ? "-" : e.backend.addr(),
        e.requestId);
  }

  private void write(List<AccessLine> batch) {
    StringBuilder text = new StringBuilder(batch.size() * LINE_CHARS);
    for (AccessLine line : batch) {
      line.appendTo(text, time);
    }
    LOG.info(text.toString());
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
