package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** What to run for a job: Flynn's {@code host.ContainerConfig}, the fields this platform uses. */
public record ContainerConfig(
    @JsonProperty("args") List<String> args,
    @JsonProperty("tty") Boolean tty,
    @JsonProperty("stdin") Boolean stdin,
    @JsonProperty("env") Map<String, String> env,
    @JsonProperty("ports") List<Port> ports,
    @JsonProperty("working_dir") String workingDir,
    @JsonProperty("uid") Integer uid,
    @JsonProperty("gid") Integer gid,
    @JsonProperty("host_network") Boolean hostNetwork,
    @JsonProperty("disable_log") Boolean disableLog,
    @JsonProperty("volumes") List<VolumeBinding> volumes) {

  /** Without volumes. */
  public ContainerConfig(
      List<String> args,
      Boolean tty,
      Boolean stdin,
      Map<String, String> env,
      List<Port> ports,
      String workingDir,
      Integer uid,
      Integer gid,
      Boolean hostNetwork,
      Boolean disableLog) {
    this(args, tty, stdin, env, ports, workingDir, uid, gid, hostNetwork, disableLog, null);
  }

  /** The volumes to attach, never null. */
  public List<VolumeBinding> volumesOrEmpty() {
    return volumes == null ? List.of() : volumes;
  }

  public ContainerConfig withVolumes(List<VolumeBinding> newVolumes) {
    return new ContainerConfig(
        args, tty, stdin, env, ports, workingDir, uid, gid, hostNetwork, disableLog, newVolumes);
  }

  public ContainerConfig withStdin(Boolean newStdin) {
    return new ContainerConfig(
        args, tty, newStdin, env, ports, workingDir, uid, gid, hostNetwork, disableLog, volumes);
  }

  public ContainerConfig withEnvAndPorts(Map<String, String> newEnv, List<Port> newPorts) {
    return new ContainerConfig(
        args, tty, stdin, newEnv, newPorts, workingDir, uid, gid, hostNetwork, disableLog, volumes);
  }
}
