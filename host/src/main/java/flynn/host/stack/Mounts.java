package flynn.host.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The mounts a stack build makes, read back from {@code /proc/self/mountinfo}. */
final class Mounts {
  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

  private Mounts() {}

  static void mount(Progress progress, String... args) throws IOException {
    StreamedCommand.run(
        Stream.concat(Stream.of("mount"), Arrays.stream(args)).toList(), "  mount: ", progress);
  }

  /** Unmounts {@code target}; when it is busy, detaches it so the kernel frees it once unused. */
  static void unmount(Path target, Progress progress) throws IOException {
    try {
      StreamedCommand.run(List.of("umount", target.toString()), "  umount: ", progress);
    } catch (IOException busy) {
      StreamedCommand.run(List.of("umount", "-l", target.toString()), "  umount: ", progress);
    }
  }

  /** Every mount point at or below {@code dir}, deepest first: the order to unmount them in. */
  static List<Path> under(Path dir) throws IOException {
    return under(dir, Files.readAllLines(MOUNTINFO));
  }

  static List<Path> under(Path dir, List<String> mountinfo) {
    Path root = dir.toAbsolutePath().normalize();
    return mountinfo.stream()
        .map(line -> line.split(" "))
        .filter(fields -> fields.length > 4)
        .map(fields -> Path.of(unescape(fields[4])))
        .filter(point -> point.startsWith(root))
        .distinct()
        .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
        .toList();
  }

  /** Whether a mounted overlay has {@code dir} among its lower layers (a running container). */
  static boolean isLowerDir(Path dir) throws IOException {
    return isLowerDir(dir, Files.readAllLines(MOUNTINFO));
  }

  static boolean isLowerDir(Path dir, List<String> mountinfo) {
    String path = dir.toAbsolutePath().normalize().toString();
    return mountinfo.stream()
        .filter(line -> line.contains(" - overlay "))
        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
        .flatMap(options -> Arrays.stream(options.split("[,:=]")))
        .anyMatch(path::equals);
  }

  private static String unescape(String field) {
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\");
  }
}
