package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code GET /host/status}. */
public record HostStatus(
    @JsonProperty("id") String id,
    @JsonProperty("tags") Map<String, String> tags,
    @JsonProperty("pid") int pid,
    @JsonProperty("url") String url,
    @JsonProperty("version") String version) {}
