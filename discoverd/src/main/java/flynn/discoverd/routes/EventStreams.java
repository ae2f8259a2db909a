package flynn.discoverd.routes;

import flynn.discoverd.registry.Registry;
import flynn.discoverd.registry.Subscription;
import flynn.http.SseResponse;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a service's events as SSE, one {@code data:} line of {@code ServiceEvent} JSON each
 * (Flynn's framing), with keep-alives while idle so a vanished client is noticed.
 */
final class EventStreams {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);

  private final Registry registry;
  private final Duration keepAlive;

  EventStreams(Registry registry, Duration keepAlive) {
    this.registry = registry;
    this.keepAlive = keepAlive;
  }

  void serve(ServerResponse res, String service, Set<String> kinds) {
    String why;
    try (Subscription sub = registry.subscribe(service, kinds);
        SseResponse sse = new SseResponse(res)) {
      sse.open();
      why = pump(sub, sse);
    } catch (IOException e) {
      why = "client gone";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = "interrupted";
    }
    LOG.debug("event stream ended service={} reason={}", service, why);
  }

  private String pump(Subscription sub, SseResponse sse) throws IOException, InterruptedException {
    while (true) {
      switch (sub.next(keepAlive)) {
        case Subscription.Event e -> sse.send(null, null, e.event());
        case Subscription.Idle idle -> sse.keepAlive();
        case Subscription.Ended end -> {
          return end.reason();
        }
      }
    }
  }
}
