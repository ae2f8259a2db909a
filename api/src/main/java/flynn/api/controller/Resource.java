package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A provisioned resource (Flynn's {@code ct.Resource}): what {@code provider} made, known to it as
 * {@code external_id}, with the env that reaches it, linked to {@code apps}.
 */
public record Resource(
    @JsonProperty("id") String id,
    @JsonProperty("provider") String provider,
    @JsonProperty("external_id") String externalId,
    @JsonProperty("env") Map<String, String> env,
    @JsonProperty("apps") List<String> apps,
    @JsonProperty("created_at") OffsetDateTime createdAt) {}
