package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /apps/:id/deploy}: Flynn's {@code {"id": release}}, plus an optional
 * {@code strategy} that overrides the app's for this deployment only (e.g. {@code flynn restart}
 * always goes one-by-one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeployRequest(
    @JsonProperty("id") String id, @JsonProperty("strategy") String strategy) {}
