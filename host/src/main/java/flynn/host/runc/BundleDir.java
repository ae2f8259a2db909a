package flynn.host.runc;

import java.nio.file.Path;

/**
 * A container's OCI bundle under the runner's state dir: {@code config.json}, the overlay's {@code
 * rootfs} mount point, its {@code upper} and {@code work} dirs on the job's size-limited {@code
 * disk} (a tmpfs), and the job's {@code resolv.conf}.
 */
record BundleDir(Path dir) {
  static BundleDir of(Path containersDir, ContainerNames names) {
    return new BundleDir(containersDir.resolve(names.containerId()));
  }

  Path config() {
    return dir.resolve("config.json");
  }

  Path rootfs() {
    return dir.resolve("rootfs");
  }

  /** The job's temp disk: the mount point of its tmpfs, which holds the upper and work dirs. */
  Path disk() {
    return dir.resolve("disk");
  }

  Path upper() {
    return disk().resolve("upper");
  }

  Path work() {
    return disk().resolve("work");
  }

  Path resolvConf() {
    return dir.resolve("resolv.conf");
  }
}
