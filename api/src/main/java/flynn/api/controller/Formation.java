package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/** How many of each process type of a release to run for an app. */
public record Formation(
    @JsonProperty("app") String app,
    @JsonProperty("release") String release,
    @JsonProperty("processes") Map<String, Integer> processes,
    @JsonProperty("tags") Map<String, Map<String, String>> tags,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("updated_at") OffsetDateTime updatedAt) {}
