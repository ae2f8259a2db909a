package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * A service health check, Flynn's fields. {@code interval} and {@code start_timeout} are Go
 * durations on the wire: integer nanoseconds.
 */
public record HealthCheck(
    @JsonProperty("type") String type,
    @JsonProperty("interval") Long interval,
    @JsonProperty("threshold") Integer threshold,
    @JsonProperty("kill_down") Boolean killDown,
    @JsonProperty("start_timeout") Long startTimeout,
    @JsonProperty("path") String path,
    @JsonProperty("host") String host,
    @JsonProperty("match") String match,
    @JsonProperty("status") Integer status) {

  public static HealthCheck tcp() {
    return new HealthCheck("tcp", null, null, null, null, null, null, null, null);
  }

  public Duration intervalOrDefault() {
    return interval == null || interval <= 0 ? Duration.ofSeconds(2) : Duration.ofNanos(interval);
  }

  public Duration startTimeoutOrDefault() {
    return startTimeout == null || startTimeout <= 0
        ? Duration.ofSeconds(10)
        : Duration.ofNanos(startTimeout);
  }

  public int thresholdOrDefault() {
    return threshold == null || threshold <= 0 ? 2 : threshold;
  }
}
