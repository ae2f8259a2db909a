package flynn.host.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a runner needs to start one job, already resolved by the daemon: the command, the full
 * environment (including {@code PORT}), a private working directory on the host, the assigned
 * ports, the resource limits, and the working directory inside a container (null: its root).
 * Runners that do not isolate jobs ignore the limits and the container directory.
 */
public record JobLaunch(
    String jobId,
    List<String> args,
    Map<String, String> env,
    Path workDir,
    List<Integer> ports,
    JobLimits limits,
    String containerDir) {
  public JobLaunch {
    args = List.copyOf(args);
    env = Map.copyOf(env);
    ports = List.copyOf(ports);
    limits = limits == null ? JobLimits.defaults() : limits;
  }

  public JobLaunch(
      String jobId, List<String> args, Map<String, String> env, Path workDir, List<Integer> ports) {
    this(jobId, args, env, workDir, ports, JobLimits.defaults(), null);
  }
}
