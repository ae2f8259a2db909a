package flynn.host.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A container's root: an overlay of the image layers (read-only) and its own upper dir. */
final class Overlay {
  private Overlay() {}

  /** Mount options; the first layer is the top one, as in overlayfs' {@code lowerdir}. */
  static String options(List<Path> layers, Path upper, Path work) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("an overlay root needs at least one image layer");
    }
    String lower = layers.stream().map(Path::toString).collect(Collectors.joining(":"));
    return "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work;
  }

  static void mount(List<Path> layers, BundleDir bundle) throws IOException {
    Files.createDirectories(bundle.upper());
    Files.createDirectories(bundle.work());
    Files.createDirectories(bundle.rootfs());
    Command.check(
        List.of(
            Tools.MOUNT,
            "-t",
            "overlay",
            "overlay",
            "-o",
            options(layers, bundle.upper(), bundle.work()),
            bundle.rootfs().toString()));
  }

  /** Unmounts the root if it is mounted; true when it was. */
  static boolean unmount(BundleDir bundle) throws IOException {
    if (!isMounted(bundle.rootfs())) {
      return false;
    }
    Command.Result result = Command.run(List.of(Tools.UMOUNT, bundle.rootfs().toString()));
    if (!result.ok()) {
      // still busy (a process keeps a file open): detach now, the kernel frees it when unused
      Command.check(List.of(Tools.UMOUNT, "-l", bundle.rootfs().toString()));
    }
    return true;
  }

  static boolean isMounted(Path dir) throws IOException {
    String target = dir.toAbsolutePath().normalize().toString();
    return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .map(line -> line.split(" "))
        .anyMatch(fields -> fields.length > 4 && fields[4].equals(target));
  }
}
