package flynn.host.stack;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What a built layer's {@code layer.json} records: how, when and from where it was made. */
record LayerInfo(
    @JsonProperty("layer") String layer,
    @JsonProperty("release") String release,
    @JsonProperty("archive") String archive,
    @JsonProperty("packages") List<String> packages,
    @JsonProperty("built_at") String builtAt,
    @JsonProperty("build_seconds") long buildSeconds,
    @JsonProperty("bytes") long bytes) {}
