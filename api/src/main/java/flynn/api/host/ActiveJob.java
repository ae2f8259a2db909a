package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** A job on a host with its run state (Flynn's {@code host.ActiveJob}). */
public record ActiveJob(
    @JsonProperty("job") HostJob job,
    @JsonProperty("host_id") String hostId,
    @JsonProperty("internal_ip") String internalIp,
    @JsonProperty("pid") Integer pid,
    @JsonProperty("force_stop") Boolean forceStop,
    @JsonProperty("status") JobStatus status,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("started_at") OffsetDateTime startedAt,
    @JsonProperty("ended_at") OffsetDateTime endedAt,
    @JsonProperty("exit_status") Integer exitStatus,
    @JsonProperty("error") String error) {}
