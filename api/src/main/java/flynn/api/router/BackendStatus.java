package flynn.api.router;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A router's answer to "do you send requests to this backend yet": whether some route uses {@code
 * service} ({@code routed}) and whether {@code addr} is one of its live backends ({@code ready}). A
 * router with no route to the service never will, so a caller need not wait for it.
 */
public record BackendStatus(
    @JsonProperty("service") String service,
    @JsonProperty("addr") String addr,
    @JsonProperty("routed") boolean routed,
    @JsonProperty("ready") boolean ready) {

  /**
   * Whether the caller may stop waiting for this router: it routes to the backend, or never will.
   */
  public boolean settled() {
    return ready || !routed;
  }
}
