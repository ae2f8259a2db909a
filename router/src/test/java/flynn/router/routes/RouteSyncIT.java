package flynn.router.routes;

import static flynn.router.routes.TestRoutes.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import flynn.api.Json;
import flynn.api.controller.Event;
import flynn.api.router.Route;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Route sync against a fake controller on loopback: full list, live events, restarts. */
class RouteSyncIT {
  private final List<Route> controllerRoutes = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
  private final LiveRoutes routes = new LiveRoutes();
  private HttpServer controller;
  private RouteSync sync;

  @AfterEach
  void stop() {
    if (sync != null) {
      sync.close();
    }
    if (controller != null) {
      controller.stop(0);
    }
  }

  @Test
  void loadsEveryRouteThenAppliesEachEventWithinASecond() throws Exception {
    controllerRoutes.add(http("r1", "one.localhost", "/", "one"));
    startController(0);
    sync = new RouteSync(url(), "key", routes);
    sync.start();

    assertThat(sync.awaitLoaded(Duration.ofSeconds(5))).isTrue();
    assertThat(routes.current().matchHttp("one.localhost", "/")).isPresent();

    events.add(event(1, Event.ROUTE, http("r2", "two.localhost", "/", "two")));
    await()
        .atMost(Duration.ofSeconds(1))
        .until(() -> routes.current().matchHttp("two.localhost", "/").isPresent());
    events.add(event(2, Event.ROUTE_DELETION, http("r1", "one.localhost", "/", "one")));
    await()
        .atMost(Duration.ofSeconds(1))
        .until(() -> routes.current().matchHttp("one.localhost", "/").isEmpty());
  }

  @Test
  void aControllerRestartIsSurvivedByResumingAfterTheLastEvent() throws Exception {
    startController(0);
    sync = new RouteSync(url(), "key", routes);
    sync.start();
    assertThat(sync.awaitLoaded(Duration.ofSeconds(5))).isTrue();
    events.add(event(41, Event.ROUTE, http("r1", "one.localhost", "/", "one")));
    await().atMost(Duration.ofSeconds(1)).until(() -> routes.current().size() == 1);

    int port = controller.getAddress().getPort();
    controller.stop(0);
    startController(port);

    await().atMost(Duration.ofSeconds(10)).until(() -> lastEventIds.contains("41"));
    events.add(event(42, Event.ROUTE, http("r2", "two.localhost", "/", "two")));
    await().atMost(Duration.ofSeconds(1)).until(() -> routes.current().size() == 2);
  }

  private void startController(int port) throws IOException {
    controller =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    controller.createContext("/routes", ex -> respond(ex, Json.writeBytes(controllerRoutes)));
    controller.createContext("/events", this::streamEvents);
    controller.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    controller.start();
  }

  private void streamEvents(HttpExchange ex) throws IOException {
    String last = ex.getRequestHeaders().getFirst("Last-Event-Id");
    if (last != null) {
      lastEventIds.add(last);
    }
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (true) {
        Event e = events.poll(100, TimeUnit.MILLISECONDS);
        if (e != null) {
          out.write(
              ("id: " + e.id() + "\ndata: " + Json.write(e) + "\n\n")
                  .getBytes(StandardCharsets.UTF_8));
        } else {
          out.write(":\n".getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange ex, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private String url() {
    return "http://127.0.0.1:" + controller.getAddress().getPort();
  }

  private static Event event(long id, String type, Route r) {
    return new Event(id, null, type, r.id(), Json.mapper().valueToTree(r), null);
  }
}
