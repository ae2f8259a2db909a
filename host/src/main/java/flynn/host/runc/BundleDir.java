package flynn.host.runc;

import java.nio.file.Path;

/**
 * A container's OCI bundle under the runner's state dir: {@code config.json}, the overlay's {@code
 * rootfs} mount point, its {@code upper} and {@code work} dirs, and the job's {@code resolv.conf}.
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

  Path upper() {
    return dir.resolve("upper");
  }

  Path work() {
    return dir.resolve("work");
  }

  Path resolvConf() {
    return dir.resolve("resolv.conf");
  }
}
