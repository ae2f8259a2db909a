package flynn.api.router;

import flynn.api.http.JsonHttp;
import flynn.api.http.SseStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A router's own API (service {@code router-api} in discoverd): backend readiness and drain waits,
 * drain events and per-app request metrics.
 */
public final class RouterClient {
  /** The service routers register their API as. */
  public static final String SERVICE = "router-api";

  private final JsonHttp http;

  public RouterClient(String url, String key) {
    this.http = new JsonHttp(url, key);
  }

  public String url() {
    return http.baseUrl();
  }

  /**
   * {@code GET /drained?addr=&timeout_ms=}: waits until the router sends no new requests to {@code
   * addr} and none is in flight to it, or until {@code timeout} passes; says which.
   */
  public DrainStatus awaitDrained(String addr, Duration timeout) {
    return http.get(
        "/drained?addr="
            + URLEncoder.encode(addr, StandardCharsets.UTF_8)
            + "&timeout_ms="
            + timeout.toMillis(),
        DrainStatus.class);
  }

  /**
   * {@code GET /backends/ready?service=&addr=&timeout_ms=}: waits until the router has {@code addr}
   * as a live backend of {@code service}, or until {@code timeout} passes; answers at once when no
   * route uses the service.
   */
  public BackendStatus awaitBackend(String service, String addr, Duration timeout) {
    return http.get(
        "/backends/ready?service="
            + URLEncoder.encode(service, StandardCharsets.UTF_8)
            + "&addr="
            + URLEncoder.encode(addr, StandardCharsets.UTF_8)
            + "&timeout_ms="
            + timeout.toMillis(),
        BackendStatus.class);
  }

  /**
   * {@code GET /events} as SSE: each event's data is a {@link RouterEvent}. The caller closes the
   * stream.
   */
  public SseStream streamEvents() {
    return http.stream("/events", null);
  }

  /** {@code GET /metrics}: per-app request metrics in Prometheus' text format. */
  public String metrics() {
    try (InputStream in = http.open("/metrics")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read metrics from " + url(), e);
    }
  }
}
