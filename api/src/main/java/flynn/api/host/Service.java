package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A discoverd service a job port registers in once its check passes. */
public record Service(
    @JsonProperty("name") String name,
    @JsonProperty("create") Boolean create,
    @JsonProperty("check") HealthCheck check) {}
