package flynn.router.routes;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.Json;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Event;
import flynn.api.http.JsonHttp;
import flynn.api.http.SseStream;
import flynn.api.router.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link LiveRoutes} equal to the controller's routes: subscribes to {@code route} and {@code
 * route_deletion} events, loads the full list ({@code GET /routes}), then applies each event as it
 * comes. Subscribing before listing means no change falls between the two. When the stream breaks
 * it reconnects with backoff and resumes after the last event seen (or reloads the full list when
 * it has seen none). No polling.
 */
public final class RouteSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RouteSync.class);
  private static final List<String> TYPES = List.of(Event.ROUTE, Event.ROUTE_DELETION);
  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final ControllerClient controller;
  private final JsonHttp http;
  private final LiveRoutes routes;
  private final CountDownLatch loaded = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;
  private volatile SseStream stream;
  private Long lastEventId;

  public RouteSync(String controllerUrl, String key, LiveRoutes routes) {
    this.controller = new ControllerClient(controllerUrl, key);
    this.http = new JsonHttp(controllerUrl, key);
    this.routes = routes;
    this.thread = Thread.ofVirtual().name("router-route-sync").unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  /** Waits for the first full route list; false if it did not arrive within {@code timeout}. */
  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    Duration backoff = MIN_BACKOFF;
    String reason = "closed";
    while (!closed.get()) {
      try {
        if (follow() > 0) {
          backoff = MIN_BACKOFF;
        }
        reason = "stream ended";
      } catch (IOException | RuntimeException e) {
        reason = String.valueOf(e.getMessage());
      }
      if (closed.get()) {
        break;
      }
      LOG.info(
          "route sync reconnecting in={} last_event_id={} reason={}", backoff, lastEventId, reason);
      if (!pause(backoff)) {
        break;
      }
      backoff =
          backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
              ? MAX_BACKOFF
              : backoff.multipliedBy(2);
    }
    LOG.info("route sync stopped reason={}", closed.get() ? "closed" : reason);
  }

  /** One connection: subscribe, load when needed, apply events until the stream ends. */
  private int follow() throws IOException {
    Long resumeAfter = lastEventId;
    try (SseStream events = controller.events().stream(null, TYPES, false, resumeAfter)) {
      stream = events;
      if (closed.get()) {
        return 0;
      }
      int count = 0;
      if (resumeAfter == null) {
        List<Route> all = http.get("/routes", new TypeReference<List<Route>>() {});
        routes.replace(RouteTable.of(all));
        loaded.countDown();
        LOG.info("routes loaded count={}", all.size());
        count++;
      }
      Optional<SseStream.Event> next;
      while (!closed.get() && (next = events.next()).isPresent()) {
        apply(Json.read(next.get().data(), Event.class));
        count++;
      }
      return count;
    }
  }

  private void apply(Event event) {
    try {
      routes.update(table -> RouteEvents.apply(table, event));
      LOG.info(
          "route event id={} type={} route={}", event.id(), event.objectType(), event.objectId());
    } catch (IllegalArgumentException e) {
      LOG.warn("route event skipped id={} reason={}", event.id(), e.getMessage());
    }
    if (event.id() != null) {
      lastEventId = event.id();
    }
  }

  private static boolean pause(Duration d) {
    try {
      Thread.sleep(d);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    SseStream s = stream;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.debug("closing route event stream failed", e);
      }
    }
    thread.interrupt();
  }
}
