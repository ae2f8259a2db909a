package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * One line of an app's log, as {@code GET /apps/:id/log} sends it (the {@code data} of a {@code
 * message} event). {@code stream} is {@code stdout} or {@code stderr}; {@code source} is {@code
 * app}.
 */
public record LogLine(
    @JsonProperty("host_id") String hostId,
    @JsonProperty("job_id") String jobId,
    @JsonProperty("msg") String msg,
    @JsonProperty("process_type") String processType,
    @JsonProperty("source") String source,
    @JsonProperty("stream") String stream,
    @JsonProperty("timestamp") OffsetDateTime timestamp) {}
