package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A job as the controller records it. {@code id} is {@code <host_id>-<uuid>} once placed; {@code
 * uuid} is always set. {@code state} is one of {@link JobState}'s values.
 */
public record Job(
    @JsonProperty("id") String id,
    @JsonProperty("uuid") String uuid,
    @JsonProperty("host_id") String hostId,
    @JsonProperty("app") String app,
    @JsonProperty("release") String release,
    @JsonProperty("type") String type,
    @JsonProperty("state") String state,
    @JsonProperty("args") List<String> args,
    @JsonProperty("volumes") List<String> volumes,
    @JsonProperty("meta") Map<String, String> meta,
    @JsonProperty("exit_status") Integer exitStatus,
    @JsonProperty("host_error") String hostError,
    @JsonProperty("run_at") OffsetDateTime runAt,
    @JsonProperty("restarts") Integer restarts,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("updated_at") OffsetDateTime updatedAt) {}
