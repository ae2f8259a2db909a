package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** An immutable release: artifacts, env and process types. */
public record Release(
    @JsonProperty("id") String id,
    @JsonProperty("app_id") String appId,
    @JsonProperty("artifacts") List<String> artifacts,
    @JsonProperty("env") Map<String, String> env,
    @JsonProperty("meta") Map<String, String> meta,
    @JsonProperty("processes") Map<String, ProcessType> processes,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("artifact") String legacyArtifact) {}
