package flynn.host.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes everything a container had, in order: the runc container, the overlay mount, its temp
 * disk, the network namespace and veth, the IP lease, the cgroups, the bundle dir. Each step runs
 * even when an earlier one failed; failures are logged, so one stuck part does not leak the others.
 */
final class ContainerTeardown {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerTeardown.class);

  @FunctionalInterface
  private interface Step {
    boolean run() throws IOException;
  }

  private final RuncConfig config;
  private final RuncCli runc;
  private final JobNetwork network;
  private final IpLeases leases;
  private final Cgroups cgroups;

  ContainerTeardown(
      RuncConfig config, RuncCli runc, JobNetwork network, IpLeases leases, Cgroups cgroups) {
    this.config = config;
    this.runc = runc;
    this.network = network;
    this.leases = leases;
    this.cgroups = cgroups;
  }

  /** True when anything of the container was still there. */
  boolean remove(ContainerNames names) {
    BundleDir bundle = BundleDir.of(config.containersDir(), names);
    String id = names.containerId();
    boolean found = step(id, "runc-delete", () -> runc.delete(id));
    found |= step(id, "unmount", () -> Overlay.unmount(bundle));
    found |= step(id, "temp-disk-unmount", () -> TempDisk.unmount(bundle));
    found |= step(id, "netns-delete", () -> network.detach(names));
    found |= step(id, "ip-release", () -> leases.release(id));
    found |=
        step(id, "cgroup-remove", () -> cgroups.remove(names.cgroupPath(config.cgroupParent())));
    found |= step(id, "bundle-remove", () -> removeBundle(bundle));
    if (found) {
      LOG.info("container={} event=torn-down", id);
    }
    return found;
  }

  private static boolean step(String id, String name, Step step) {
    try {
      return step.run();
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "container={} event=teardown-step-failed step={} error=\"{}\"", id, name, e.getMessage());
      return false;
    }
  }

  /** Deletes the bundle, never through a root that is still mounted. */
  private static boolean removeBundle(BundleDir bundle) throws IOException {
    if (!Files.exists(bundle.dir())) {
      return false;
    }
    for (Path mountPoint : List.of(bundle.rootfs(), bundle.disk())) {
      if (Overlay.isMounted(mountPoint)) {
        throw new IOException(mountPoint + " is still mounted; bundle kept");
      }
    }
    try (Stream<Path> paths = Files.walk(bundle.dir())) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    return true;
  }
}
