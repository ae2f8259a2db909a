package flynn.api.router;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A router's answer to "is this backend drained": no new requests go to {@code addr} and none is in
 * flight to it ({@code drained}), or the wait ran out with {@code in_flight} requests left.
 */
public record DrainStatus(
    @JsonProperty("addr") String addr,
    @JsonProperty("drained") boolean drained,
    @JsonProperty("in_flight") int inFlight) {}
