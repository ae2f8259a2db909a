package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's {@code GET /.well-known/status} answer (the {@code data} member): {@code status} is
 * healthy or unhealthy.
 */
public record Status(
    @JsonProperty("status") String status,
    @JsonProperty("version") String version,
    @JsonProperty("detail") JsonNode detail) {

  /** The response envelope {@code {"data": {...}}}. */
  public record Response(@JsonProperty("data") Status data) {}
}
