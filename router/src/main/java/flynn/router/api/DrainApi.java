package flynn.router.api;

import flynn.api.router.DrainStatus;
import flynn.http.Responses;
import flynn.router.backends.Drains;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /drained?addr=<ip:port>&timeout_ms=<n>}: answers once the router sends no new requests
 * to the backend and none is in flight to it, or when the wait runs out ({@code drained: false}).
 * Stateless: an address the router does not route to is drained at once, so a caller may ask before
 * or after the backend left discoverd.
 */
final class DrainApi implements HttpService {
  private final Drains drains;
  private final Duration maxWait;

  DrainApi(Drains drains, Duration maxWait) {
    this.drains = drains;
    this.maxWait = maxWait;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", this::drained);
  }

  private void drained(ServerRequest req, ServerResponse res) {
    String addr = WaitParam.addr(req);
    Duration wait = WaitParam.of(req, maxWait);
    Responses.json(res, new DrainStatus(addr, await(addr, wait), drains.inFlight(addr)));
  }

  private boolean await(String addr, Duration wait) {
    var drained = drains.drained(addr);
    try {
      drained.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      drained.cancel(false);
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("drain wait failed for " + addr, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained.cancel(false);
      return false;
    }
  }
}
