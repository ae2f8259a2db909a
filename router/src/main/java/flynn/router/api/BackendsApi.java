package flynn.router.api;

import flynn.api.http.ApiException;
import flynn.api.router.BackendStatus;
import flynn.http.Responses;
import flynn.router.backends.Readiness;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /backends/ready?service=<name>&addr=<ip:port>&timeout_ms=<n>}: answers once the router
 * has the address as a live backend of the service, when the wait runs out ({@code ready: false}),
 * or at once when no route uses the service ({@code routed: false}): hosts ask it before they
 * report a routed job up.
 */
final class BackendsApi implements HttpService {
  private final Readiness readiness;
  private final Duration maxWait;

  BackendsApi(Readiness readiness, Duration maxWait) {
    this.readiness = readiness;
    this.maxWait = maxWait;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/ready", this::ready);
  }

  private void ready(ServerRequest req, ServerResponse res) {
    String service =
        req.query()
            .first("service")
            .asOptional()
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> ApiException.validation("service", "must name a service"));
    String addr = WaitParam.addr(req);
    if (!readiness.routes(service)) {
      Responses.json(res, new BackendStatus(service, addr, false, false));
      return;
    }
    boolean ready = await(service, addr, WaitParam.of(req, maxWait));
    Responses.json(res, new BackendStatus(service, addr, true, ready));
  }

  private boolean await(String service, String addr, Duration wait) {
    var ready = readiness.ready(service, addr);
    try {
      ready.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      ready.cancel(false);
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("readiness wait failed for " + addr, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ready.cancel(false);
      return false;
    }
  }
}
