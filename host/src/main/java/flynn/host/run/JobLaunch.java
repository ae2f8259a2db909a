package flynn.host.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a runner needs to start one job, already resolved by the daemon: the command, the full
 * environment (including {@code PORT}), a private working directory, and the assigned ports.
 */
public record JobLaunch(
    String jobId, List<String> args, Map<String, String> env, Path workDir, List<Integer> ports) {
  public JobLaunch {
    args = List.copyOf(args);
    env = Map.copyOf(env);
    ports = List.copyOf(ports);
  }
}
