package flynn.host.run;

import flynn.host.volumes.VolumeMount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a runner needs to start one job, already resolved by the daemon: the command, the full
 * environment (including {@code PORT}), a private working directory on the host, the assigned
 * ports, the resource limits, and the working directory inside a container (null: its root).
 * Runners that do not isolate jobs ignore the limits, the container directory and the image: its
 * root filesystem layers (top first; empty: the runner's default root) and the user its process
 * runs as (null or 0: the platform's unprivileged app user), and its volumes.
 */
public record JobLaunch(
    String jobId,
    List<String> args,
    Map<String, String> env,
    Path workDir,
    List<Integer> ports,
    JobLimits limits,
    String containerDir,
    List<Path> imageLayers,
    Integer uid,
    Integer gid,
    List<VolumeMount> volumes) {
  public JobLaunch {
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    args = List.copyOf(args);
    env = Map.copyOf(env);
    ports = List.copyOf(ports);
    limits = limits == null ? JobLimits.defaults() : limits;
    imageLayers = imageLayers == null ? List.of() : List.copyOf(imageLayers);
  }

  /** A job in the runner's default root, as the app user. */
  public JobLaunch(
      String jobId,
      List<String> args,
      Map<String, String> env,
      Path workDir,
      List<Integer> ports,
      JobLimits limits,
      String containerDir) {
    this(jobId, args, env, workDir, ports, limits, containerDir, List.of(), null, null, List.of());
  }

  public JobLaunch(
      String jobId, List<String> args, Map<String, String> env, Path workDir, List<Integer> ports) {
    this(jobId, args, env, workDir, ports, JobLimits.defaults(), null);
  }
}
