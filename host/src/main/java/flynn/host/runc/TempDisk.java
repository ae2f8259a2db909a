package flynn.host.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * A job's temp disk (Flynn's {@code temp_disk}): a tmpfs of the job's size holding its overlay's
 * upper and work dirs, so whatever the job writes to its root stops at the limit with ENOSPC.
 */
final class TempDisk {
  private TempDisk() {}

  static String options(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("a temp disk needs a positive size: " + bytes);
    }
    return "size=" + bytes + ",mode=0700";
  }

  static void mount(BundleDir bundle, long bytes) throws IOException {
    Files.createDirectories(bundle.disk());
    Command.check(
        List.of(
            Tools.MOUNT,
            "-t",
            "tmpfs",
            "-o",
            options(bytes),
            "flynn-disk",
            bundle.disk().toString()));
  }

  /** Unmounts the disk if it is mounted; true when it was. */
  static boolean unmount(BundleDir bundle) throws IOException {
    if (!Overlay.isMounted(bundle.disk())) {
      return false;
    }
    if (!Command.run(List.of(Tools.UMOUNT, bundle.disk().toString())).ok()) {
      // the overlay above it was lazily detached and is still in use: detach this one too
      Command.check(List.of(Tools.UMOUNT, "-l", bundle.disk().toString()));
    }
    return true;
  }
}
