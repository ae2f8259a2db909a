package flynn.api.discoverd;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An event of a service's {@code GET /services/:service/instances} stream. {@code kind} is one of
 * {@code up}, {@code update}, {@code down}, {@code leader}, {@code current} (the initial list is
 * complete) or {@code service_meta}.
 */
public record ServiceEvent(
    @JsonProperty("service") String service,
    @JsonProperty("kind") String kind,
    @JsonProperty("instance") Instance instance) {

  public static final String UP = "up";
  public static final String UPDATE = "update";
  public static final String DOWN = "down";
  public static final String LEADER = "leader";
  public static final String CURRENT = "current";
}
