package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A job event from a host's {@code GET /host/jobs} stream: {@code create}, {@code start}, {@code
 * stop}, {@code error} or {@code cleanup}.
 */
public record HostEvent(
    @JsonProperty("event") String event,
    @JsonProperty("job_id") String jobId,
    @JsonProperty("job") ActiveJob job) {

  public static final String CREATE = "create";
  public static final String START = "start";
  public static final String STOP = "stop";
  public static final String ERROR = "error";
  public static final String CLEANUP = "cleanup";
}
