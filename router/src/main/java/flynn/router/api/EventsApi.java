package flynn.router.api;

import flynn.api.router.RouterEvent;
import flynn.http.SseResponse;
import flynn.router.backends.Backend;
import flynn.router.backends.Drains;
import flynn.router.backends.Drains.DrainEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /events}: Flynn's router event stream, as SSE of {@link RouterEvent}: {@code
 * backend-down} and {@code backend-drained}, from the moment the client connects. Idle streams get
 * a keep-alive, which also notices clients that went away.
 */
final class EventsApi implements HttpService {
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final Drains drains;

  EventsApi(Drains drains) {
    this.drains = drains;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", this::stream);
  }

  private void stream(ServerRequest req, ServerResponse res) {
    BlockingQueue<DrainEvent> queue = new LinkedBlockingQueue<>();
    SseResponse out = new SseResponse(res);
    Drains.Subscription sub = drains.subscribe(queue::add);
    try {
      out.open();
      while (true) {
        DrainEvent e = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
          out.keepAlive();
        } else {
          out.send(null, null, wire(e));
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      sub.close();
    }
  }

  static RouterEvent wire(DrainEvent e) {
    Backend b = e.backend();
    String kind =
        e.kind() == DrainEvent.Kind.DOWN ? RouterEvent.BACKEND_DOWN : RouterEvent.BACKEND_DRAINED;
    return new RouterEvent(
        kind, new RouterEvent.Backend(b.service(), b.addr(), b.app(), b.jobId()));
  }
}
