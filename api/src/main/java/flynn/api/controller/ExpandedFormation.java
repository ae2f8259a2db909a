package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A formation with its app, release and artifacts inlined: what the scheduler works from. */
public record ExpandedFormation(
    @JsonProperty("app") App app,
    @JsonProperty("release") Release release,
    @JsonProperty("artifacts") List<Artifact> artifacts,
    @JsonProperty("processes") Map<String, Integer> processes,
    @JsonProperty("tags") Map<String, Map<String, String>> tags,
    @JsonProperty("updated_at") OffsetDateTime updatedAt,
    @JsonProperty("deleted") Boolean deleted,
    @JsonProperty("pending_scale_request") ScaleRequest pendingScaleRequest) {}
