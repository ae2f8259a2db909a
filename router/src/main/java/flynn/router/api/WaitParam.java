package flynn.router.api;

import flynn.api.http.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;

/**
 * The query parameters of the API's waits: the backend's {@code addr}, and {@code timeout_ms}
 * capped at the router's maximum.
 */
final class WaitParam {
  private WaitParam() {}

  /** The {@code addr} parameter: a backend's {@code ip:port}. */
  static String addr(ServerRequest req) {
    return req.query()
        .first("addr")
        .asOptional()
        .filter(a -> a.contains(":"))
        .orElseThrow(() -> ApiException.validation("addr", "must be a backend's ip:port"));
  }

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
