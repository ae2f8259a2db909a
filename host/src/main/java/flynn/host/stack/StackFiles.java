package flynn.host.stack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** File-tree chores of stack layers: their size, and removing them without leaving the disk. */
final class StackFiles {
  private StackFiles() {}

  /**
   * Removes a tree with {@code rm --one-file-system}: should a mount remain inside (a killed
   * build's /dev), rm refuses to descend into it instead of deleting the host's files.
   */
  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      StreamedCommand.run(
          List.of("rm", "-rf", "--one-file-system", dir.toString()), "  rm: ", text -> {});
    }
  }

  /** Bytes in regular files, symlinks not followed. */
  static long size(Path dir) throws IOException {
    AtomicLong bytes = new AtomicLong();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              bytes.addAndGet(attrs.size());
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return bytes.get();
  }
}
