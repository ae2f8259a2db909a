package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;

/** An immutable artifact: what a release runs (an image manifest, or a legacy URI). */
public record Artifact(
    @JsonProperty("id") String id,
    @JsonProperty("type") String type,
    @JsonProperty("uri") String uri,
    @JsonProperty("meta") Map<String, String> meta,
    @JsonProperty("manifest") JsonNode manifest,
    @JsonProperty("hashes") Map<String, String> hashes,
    @JsonProperty("size") Long size,
    @JsonProperty("layer_url_template") String layerUrlTemplate,
    @JsonProperty("created_at") OffsetDateTime createdAt) {}
