package flynn.api.provider;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A provider's answer to a provision request: its own id of the resource and the env to use. */
public record Provisioned(
    @JsonProperty("id") String id, @JsonProperty("env") Map<String, String> env) {}
