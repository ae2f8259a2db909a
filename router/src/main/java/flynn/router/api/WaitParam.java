package flynn.router.api;

import flynn.api.http.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;

/** The {@code timeout_ms} query parameter of the API's waits, capped at the router's maximum. */
final class WaitParam {
  private WaitParam() {}

  static Duration of(ServerRequest req, Duration maxWait) {
    long ms;
    try {
      ms = req.query().first("timeout_ms").asOptional().map(Long::parseLong).orElse(0L);
    } catch (NumberFormatException e) {
      throw ApiException.validation("timeout_ms", "must be a whole number of milliseconds");
    }
    if (ms < 0) {
      throw ApiException.validation("timeout_ms", "must not be negative");
    }
    return Duration.ofMillis(Math.min(ms, maxWait.toMillis()));
  }
}
