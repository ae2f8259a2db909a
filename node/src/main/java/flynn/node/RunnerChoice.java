package flynn.node;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which runner executes jobs: runc containers when this machine can run them (root and runc on the
 * PATH), plain processes otherwise or when asked for.
 */
public enum RunnerChoice {
  RUNC,
  PROCESS;

  /** What this machine offers a runner: root or not, and the runc binary if the PATH has one. */
  record Machine(boolean root, Optional<Path> runc) {}

  /**
   * The runner to use: the one asked for (null: none was) if the machine can run it, the best one
   * it can run otherwise.
   *
   * @throws IllegalArgumentException when runc is asked for and the machine lacks what it needs
   */
  static RunnerChoice choose(RunnerChoice requested, Machine machine) {
    boolean runcPossible = machine.root() && machine.runc().isPresent();
    if (requested == PROCESS) {
      return PROCESS;
    }
    if (requested == RUNC && !runcPossible) {
      throw new IllegalArgumentException(missingForRunc(machine));
    }
    return runcPossible ? RUNC : PROCESS;
  }

  private static String missingForRunc(Machine machine) {
    if (!machine.root()) {
      return "--runner runc needs root (containers get their own mounts, network and cgroups):"
          + " run flynn-host as root, or use --runner process";
    }
    return "--runner runc needs the runc binary on the PATH:"
        + " install it (apt-get install runc), or use --runner process";
  }

  /** This machine, as the JVM sees it. */
  static Machine thisMachine() {
    return new Machine(Defaults.runningAsRoot(), onPath("runc", System.getenv("PATH")));
  }

  static Optional<Path> onPath(String name, String path) {
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The flag's spelling: {@code runc} or {@code process}. */
  String flag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
