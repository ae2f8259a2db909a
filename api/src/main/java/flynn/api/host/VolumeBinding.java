package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A volume attached to a job (Flynn's {@code host.VolumeBinding}): volume {@code volume} mounted at
 * {@code target} inside the job. A {@code delete_on_stop} volume goes when the job stops.
 */
public record VolumeBinding(
    @JsonProperty("target") String target,
    @JsonProperty("volume") String volume,
    @JsonProperty("writeable") boolean writeable,
    @JsonProperty("delete_on_stop") boolean deleteOnStop) {}
