package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A volume as its host sees it ({@code GET /volumes}): where its data is, how big it is (bytes, -1
 * when unknown), the live job it is attached to (null: none), and what it is for ({@code meta}:
 * app, type and path of the job that made it).
 */
public record HostVolume(
    @JsonProperty("id") String id,
    @JsonProperty("path") String path,
    @JsonProperty("size") long size,
    @JsonProperty("job_id") String jobId,
    @JsonProperty("meta") Map<String, String> meta,
    @JsonProperty("created_at") OffsetDateTime createdAt) {}
