package flynn.host.runc;

import flynn.host.run.JobLimits;
import flynn.host.volumes.VolumeMount;
import java.util.List;
import java.util.Map;

/**
 * What one container is to be, in the runner's words, before it becomes an OCI config: the command
 * (run under {@code init} when that is not null), environment, working directory, user, hostname,
 * root filesystem, network namespace, resolv.conf on the host, cgroup, and limits ({@code maxFd} is
 * capped at {@code maxFdCeiling}, the host's own hard limit); {@code trustedCerts} is the host's CA
 * directory mounted read-only at {@code /etc/ssl/certs}, or null; {@code volumes} are bind-mounted
 * at their targets.
 */
public record ContainerPlan(
    List<String> args,
    String init,
    Map<String, String> env,
    String cwd,
    int uid,
    int gid,
    String hostname,
    String rootPath,
    String netnsPath,
    String resolvConf,
    String cgroupsPath,
    JobLimits limits,
    long maxFdCeiling,
    String trustedCerts,
    List<VolumeMount> volumes) {
  public ContainerPlan {
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    if (args.isEmpty()) {
      throw new IllegalArgumentException("a container needs a command (args are empty)");
    }
    args = List.copyOf(args);
    env = Map.copyOf(env);
  }
}
