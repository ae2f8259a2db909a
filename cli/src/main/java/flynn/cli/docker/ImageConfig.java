package flynn.cli.docker;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The run settings of an image config ({@code config} in OCI and docker image configs). */
public record ImageConfig(
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("User") String user) {

  /** The config file: the run settings sit under {@code config}. */
  public record File(@JsonProperty("config") ImageConfig config) {}

  /** ENTRYPOINT followed by CMD. */
  public List<String> args() {
    var out = new java.util.ArrayList<String>();
    if (entrypoint != null) {
      out.addAll(entrypoint);
    }
    if (cmd != null) {
      out.addAll(cmd);
    }
    return List.copyOf(out);
  }
}
