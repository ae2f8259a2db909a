package flynn.router.routes;

import flynn.api.Json;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Event;
import flynn.api.http.SseFollower;
import flynn.api.http.SseStream;
import flynn.api.router.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  private final ControllerClient controller;
  private final LiveRoutes routes;
  private final CountDownLatch loaded = new CountDownLatch(1);
  private SseFollower follower;
  private Long lastEventId;
  private Long resumedAfter;

  public RouteSync(String controllerUrl, String key, LiveRoutes routes) {
    this.controller = new ControllerClient(controllerUrl, key);
    this.routes = routes;
  }

  public void start() {
    follower =
        SseFollower.start(
            "router-route-sync",
            new SseFollower.Subscriber() {
              @Override
              public SseStream open() throws IOException {
                resumedAfter = lastEventId;
                return controller.events().stream(null, TYPES, false, resumedAfter);
              }

              @Override
              public boolean opened() throws IOException {
                return resumedAfter == null && loadAll();
              }

              @Override
              public void event(SseStream.Event event) {
                apply(Json.read(event.data(), Event.class));
              }
            });
  }

  /** Waits for the first full route list; false if it did not arrive within {@code timeout}. */
  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** After subscribing without a place to resume from: the whole list replaces the table. */
  private boolean loadAll() {
    List<Route> all = controller.routes().listAll();
    routes.replace(RouteTable.of(all));
    loaded.countDown();
    LOG.info("routes loaded count={}", all.size());
    return true;
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

  @Override
  public void close() {
    if (follower != null) {
      follower.close();
    }
  }
}
