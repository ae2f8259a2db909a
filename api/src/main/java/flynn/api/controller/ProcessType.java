package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import flynn.api.host.Port;
import flynn.api.host.ResourceSpec;
import java.util.List;
import java.util.Map;

/**
 * One process type of a release. {@code cmd} and {@code entrypoint} are Flynn's deprecated forms of
 * {@code args}; {@link #effectiveArgs()} folds them in.
 */
public record ProcessType(
    @JsonProperty("args") List<String> args,
    @JsonProperty("env") Map<String, String> env,
    @JsonProperty("ports") List<Port> ports,
    @JsonProperty("volumes") List<VolumeReq> volumes,
    @JsonProperty("omni") Boolean omni,
    @JsonProperty("host_network") Boolean hostNetwork,
    @JsonProperty("service") String service,
    @JsonProperty("resurrect") Boolean resurrect,
    @JsonProperty("resources") Map<String, ResourceSpec> resources,
    @JsonProperty("linux_capabilities") List<String> linuxCapabilities,
    @JsonProperty("cmd") List<String> deprecatedCmd,
    @JsonProperty("entrypoint") List<String> deprecatedEntrypoint,
    @JsonProperty("data") Boolean deprecatedData) {

  /** {@code args}, or the deprecated {@code entrypoint} followed by {@code cmd}. */
  public List<String> effectiveArgs() {
    if (args != null && !args.isEmpty()) {
      return args;
    }
    var out = new java.util.ArrayList<String>();
    if (deprecatedEntrypoint != null) {
      out.addAll(deprecatedEntrypoint);
    }
    if (deprecatedCmd != null) {
      out.addAll(deprecatedCmd);
    }
    return List.copyOf(out);
  }

  public boolean isOmni() {
    return Boolean.TRUE.equals(omni);
  }
}
