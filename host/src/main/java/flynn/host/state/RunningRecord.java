package flynn.host.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import flynn.api.host.HostJob;
import flynn.host.run.ProcessRef;
import java.time.OffsetDateTime;

/** A job with a live process, as persisted for recovery after a daemon crash. */
public record RunningRecord(
    @JsonProperty("job") HostJob job,
    @JsonProperty("process") ProcessRef process,
    @JsonProperty("created_at") OffsetDateTime createdAt) {}
