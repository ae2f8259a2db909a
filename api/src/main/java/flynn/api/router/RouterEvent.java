package flynn.api.router;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One event of a router's {@code GET /events} stream, Flynn's {@code router.StreamEvent}: {@code
 * backend-down} when a backend left its service (no new requests go to it), {@code backend-drained}
 * once nothing is in flight to it either.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouterEvent(
    @JsonProperty("event") String event, @JsonProperty("backend") Backend backend) {

  public static final String BACKEND_DOWN = "backend-down";
  public static final String BACKEND_DRAINED = "backend-drained";

  /** A routed service's instance, Flynn's {@code router.Backend}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Backend(
      @JsonProperty("service") String service,
      @JsonProperty("addr") String addr,
      @JsonProperty("app") String app,
      @JsonProperty("job_id") String jobId) {}
}
