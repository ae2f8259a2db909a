package flynn.host.stack;

import flynn.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stack images of this machine: Debian root filesystems, one dir per layer under the stack dir
 * ({@code <dir>/<layer>/rootfs}), used as the lower layers of every job's overlay root. A layer is
 * built in {@code <dir>/.build-<layer>-<millis>} and renamed into place only once complete, under a
 * lock file, so a killed build leaves nothing that looks usable and the next build clears it away.
 */
public final class Stacks {
  private static final String BUILDING = ".build-";
  private static final String RETIRED = ".old-";

  private final StackConfig config;
  private final Clock clock;
  private final ReentrantLock building = new ReentrantLock();

  public Stacks(StackConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public Path dir() {
    return config.dir();
  }

  /** Whether {@code stack} and every layer under it are built. */
  public boolean isBuilt(StackLayer stack) {
    return stack.chain().stream().allMatch(layer -> Files.isDirectory(rootfs(layer)));
  }

  /**
   * The root dirs of {@code stack}'s layers, top first, as overlayfs' {@code lowerdir} wants them.
   *
   * @throws IllegalStateException when the stack is not built, saying how to build it
   */
  public List<Path> layers(StackLayer stack) {
    if (!isBuilt(stack)) {
      throw new IllegalStateException(
          "the "
              + stack.layerName()
              + " stack is not built in "
              + dir()
              + ": run flynn-host stack build "
              + stack.layerName());
    }
    return stack.chain().reversed().stream().map(this::rootfs).toList();
  }

  /** The stack's layers, built first if they are not yet (this takes minutes). */
  public List<Path> ensure(StackLayer stack, Progress progress) throws IOException {
    if (!isBuilt(stack)) {
      build(stack, false, progress);
    }
    return layers(stack);
  }

  /**
   * Builds the layers of {@code stack} that are missing, or all of them when {@code rebuild}; a
   * layer built again takes the layers above it with it, since they were made on top of it.
   *
   * @throws IllegalStateException when a layer to replace is in use by a running container
   */
  public void build(StackLayer stack, boolean rebuild, Progress progress) throws IOException {
    building.lock();
    try {
      Files.createDirectories(dir());
      StackLock lock = StackLock.acquire(dir().resolve(".lock"), progress);
      try {
        buildLocked(stack, rebuild, progress);
      } finally {
        lock.close();
      }
    } finally {
      building.unlock();
    }
  }

  private void buildLocked(StackLayer stack, boolean rebuild, Progress progress)
      throws IOException {
    removeUnfinished(progress);
    List<StackLayer> chain = stack.chain();
    int first = 0;
    while (!rebuild && first < chain.size() && Files.isDirectory(rootfs(chain.get(first)))) {
      first++;
    }
    // a layer is built on the ones below it: every layer above a (re)built one is built again
    List<StackLayer> todo = chain.subList(first, chain.size());
    if (todo.isEmpty()) {
      progress.line("stack: " + stack.layerName() + " is built in " + dir());
      return;
    }
    retireFrom(todo.getFirst(), progress);
    buildLayers(stack, todo, progress);
  }

  private void buildLayers(StackLayer stack, List<StackLayer> todo, Progress progress)
      throws IOException {
    Instant start = clock.instant();
    Mirrors mirrors = Mirrors.choose(AptSources.read(config.aptDir()), config.release());
    progress.line(
        "stack: building "
            + todo.stream().map(StackLayer::layerName).collect(Collectors.joining(", "))
            + " in "
            + dir()
            + " from "
            + mirrors.archive()
            + mirrors.security().map(s -> " and " + s).orElse(""));
    LayerBuilder builder = new LayerBuilder(config, mirrors, progress, clock);
    for (StackLayer layer : todo) {
      buildLayer(builder, layer, mirrors, progress);
    }
    progress.line(
        "stack: "
            + stack.layerName()
            + " ready in "
            + Elapsed.format(Duration.between(start, clock.instant()))
            + " ("
            + sizes(stack)
            + ")");
  }

  private void buildLayer(
      LayerBuilder builder, StackLayer layer, Mirrors mirrors, Progress progress)
      throws IOException {
    Instant start = clock.instant();
    // a fresh name each time: a tool left running by a killed build cannot write into this one
    Path buildDir =
        Files.createDirectories(dir().resolve(BUILDING + layer.layerName() + "-" + clock.millis()));
    List<Path> lower = layer.lowerLayers().stream().map(this::rootfs).toList();
    builder.build(layer, buildDir, lower);
    Duration took = Duration.between(start, clock.instant());
    long bytes = StackFiles.size(buildDir.resolve("rootfs"));
    LayerInfo info =
        new LayerInfo(
            layer.layerName(),
            config.release(),
            mirrors.archive(),
            layer.packages(),
            clock.instant().toString(),
            took.toSeconds(),
            bytes);
    Files.write(buildDir.resolve("layer.json"), Json.writeBytes(info));
    Files.move(buildDir, layerDir(layer), StandardCopyOption.ATOMIC_MOVE);
    progress.line(
        "stack: ["
            + layer.layerName()
            + "] built in "
            + Elapsed.format(took)
            + ", "
            + Elapsed.megabytes(bytes));
  }

  /** Moves aside {@code from} and every built layer on it, then deletes them. */
  private void retireFrom(StackLayer from, Progress progress) throws IOException {
    for (StackLayer layer : StackLayer.values()) {
      if (!layer.isOn(from) || !Files.isDirectory(layerDir(layer))) {
        continue;
      }
      if (Mounts.isLowerDir(rootfs(layer))) {
        throw new IllegalStateException(
            "the "
                + layer.layerName()
                + " stack layer is in use by running jobs: stop flynn-host before rebuilding it");
      }
      progress.line("stack: [" + layer.layerName() + "] removing the old layer");
      Path retired = dir().resolve(RETIRED + layer.layerName() + "-" + clock.millis());
      Files.move(layerDir(layer), retired, StandardCopyOption.ATOMIC_MOVE);
      StackFiles.deleteTree(retired);
    }
  }

  /** What a killed build left: its mounts first, so deleting never reaches the host's files. */
  private void removeUnfinished(Progress progress) throws IOException {
    List<Path> leftovers;
    try (Stream<Path> entries = Files.list(dir())) {
      leftovers =
          entries
              .filter(p ->
                  p.getFileName().toString().startsWith(BUILDING)
                      || p.getFileName().toString().startsWith(RETIRED))
              .toList();
    }
    for (Path leftover : leftovers) {
      progress.line("stack: removing " + leftover + ", left by an unfinished build");
      for (Path mount : Mounts.under(leftover)) {
        Mounts.unmount(mount, progress);
      }
      StackFiles.deleteTree(leftover);
    }
  }

  private String sizes(StackLayer stack) throws IOException {
    StringBuilder sizes = new StringBuilder();
    for (StackLayer layer : stack.chain()) {
      LayerInfo info =
          Json.mapper().readValue(layerDir(layer).resolve("layer.json").toFile(), LayerInfo.class);
      sizes.append(sizes.isEmpty() ? "" : ", ").append(layer.layerName()).append(' ');
      sizes.append(Elapsed.megabytes(info.bytes()));
    }
    return sizes.toString();
  }

  private Path layerDir(StackLayer layer) {
    return dir().resolve(layer.layerName());
  }

  private Path rootfs(StackLayer layer) {
    return layerDir(layer).resolve("rootfs");
  }
}
