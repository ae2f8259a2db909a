package flynn.host.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads and removes a container's cgroups under {@code root} (normally {@code /sys/fs/cgroup}), on
 * cgroup v1 (one hierarchy per controller, as on this machine) or v2 (one unified tree).
 */
final class Cgroups {
  private final Path root;

  Cgroups(Path root) {
    this.root = root;
  }

  /** How many times the kernel's OOM killer struck in the cgroup; 0 when it does not exist. */
  long oomKills(String cgroupPath) throws IOException {
    Path v1 = dir(root.resolve("memory"), cgroupPath).resolve("memory.oom_control");
    Path v2 = dir(root, cgroupPath).resolve("memory.events");
    for (Path file : List.of(v1, v2)) {
      try {
        return oomKillCount(Files.readString(file));
      } catch (NoSuchFileException e) {
        // not this cgroup version
      }
    }
    return 0;
  }

  /**
   * The {@code oom_kill} counter of a v1 {@code memory.oom_control} or v2 {@code memory.events}.
   */
  static long oomKillCount(String text) {
    return text.lines()
        .map(line -> line.trim().split("\\s+"))
        .filter(fields -> fields.length == 2 && fields[0].equals("oom_kill"))
        .mapToLong(fields -> Long.parseLong(fields[1]))
        .findFirst()
        .orElse(0);
  }

  /** The container's cgroup directories that still exist, in every hierarchy. */
  List<Path> existing(String cgroupPath) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path hierarchy : hierarchies()) {
      Path dir = dir(hierarchy, cgroupPath);
      if (Files.isDirectory(dir)) {
        found.add(dir);
      }
    }
    return found;
  }

  /** Removes the container's (empty) cgroups; true when there were any. */
  boolean remove(String cgroupPath) throws IOException {
    List<Path> dirs = existing(cgroupPath);
    for (Path dir : dirs) {
      Files.deleteIfExists(dir); // rmdir: the kernel refuses while a process is still inside
    }
    return !dirs.isEmpty();
  }

  /**
   * Removes the runner's parent cgroup ({@code /flynn}) in every hierarchy where it is empty; one
   * that still has a container's cgroup is left. True when none is left.
   */
  boolean removeParent(String parent) throws IOException {
    boolean all = true;
    for (Path dir : existing("/" + parent)) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) { // EBUSY or not empty: a container of another runner still runs
        all = false;
      }
    }
    return all;
  }

  private List<Path> hierarchies() throws IOException {
    List<Path> hierarchies = new ArrayList<>(List.of(root));
    try (Stream<Path> children = Files.list(root)) {
      children.filter(Files::isDirectory).forEach(hierarchies::add);
    }
    return hierarchies;
  }

  private static Path dir(Path hierarchy, String cgroupPath) {
    return hierarchy.resolve(cgroupPath.replaceFirst("^/+", ""));
  }
}
