package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One resource of a job (memory, cpu, temp_disk, max_fd, max_procs): request and limit. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResourceSpec(
    @JsonProperty("request") Long request, @JsonProperty("limit") Long limit) {

  public static ResourceSpec of(long value) {
    return new ResourceSpec(value, value);
  }
}
