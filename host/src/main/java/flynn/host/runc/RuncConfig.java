package flynn.host.runc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How the runc runner runs containers: its state dir (runc's {@code --root}, bundles, IP leases),
 * the image layers every job's root is an overlay of (the first is the top one), the job network,
 * the cgroup parent under each hierarchy, the uid and gid of app processes, the host's hard
 * RLIMIT_NOFILE ceiling, the runc binary, the cgroup filesystem root, and the host's CA
 * certificates directory jobs on the stack trust (null for none).
 */
public record RuncConfig(
    Path stateDir,
    List<Path> rootfsLayers,
    NetworkConfig network,
    String cgroupParent,
    int appUid,
    int appGid,
    long maxFdCeiling,
    String runcBinary,
    Path cgroupRoot,
    Path trustedCerts) {
  public static final int APP_UID = 10_000;
  public static final long MAX_FD_CEILING = 20_000;

  /** Debian's CA directory: the PEM bundle and Java's cacerts, with the host's own CAs in them. */
  static final Path HOST_CERTS = Path.of("/etc/ssl/certs");

  public RuncConfig {
    rootfsLayers = List.copyOf(rootfsLayers);
    if (rootfsLayers.isEmpty()) {
      throw new IllegalArgumentException("the runc runner needs a root filesystem layer");
    }
    if (!cgroupParent.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("cgroup parent must be one path segment: " + cgroupParent);
    }
  }

  /** The defaults for this platform: bridge flynnbr0, cgroups under /flynn, uid 10000. */
  public static RuncConfig defaults(Path stateDir, List<Path> rootfsLayers) {
    return new RuncConfig(
        stateDir,
        rootfsLayers,
        NetworkConfig.defaults(),
        "flynn",
        APP_UID,
        APP_UID,
        MAX_FD_CEILING,
        Tools.find("runc"),
        Path.of("/sys/fs/cgroup"),
        Files.isDirectory(HOST_CERTS) ? HOST_CERTS : null);
  }

  Path runcRoot() {
    return stateDir.resolve("runc");
  }

  Path containersDir() {
    return stateDir.resolve("containers");
  }
}
