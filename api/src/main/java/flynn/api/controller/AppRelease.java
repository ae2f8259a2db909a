package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The data of an {@code app_release} event. */
public record AppRelease(
    @JsonProperty("prev_release") Release prevRelease, @JsonProperty("release") Release release) {}
