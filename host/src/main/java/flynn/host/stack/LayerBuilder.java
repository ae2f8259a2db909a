package flynn.host.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes one stack layer in a build dir: {@code base} with debootstrap, every other layer as the
 * upper dir of an overlay over the layers below it, with apt-get run in a chroot of the overlay.
 */
final class LayerBuilder {
  private final StackConfig config;
  private final Mirrors mirrors;
  private final Progress progress;
  private final Clock clock;

  LayerBuilder(StackConfig config, Mirrors mirrors, Progress progress, Clock clock) {
    this.config = config;
    this.mirrors = mirrors;
    this.progress = progress;
    this.clock = clock;
  }

  /** One build step that takes a while: announced, then how long it took. */
  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }

  /**
   * Builds {@code layer} into {@code buildDir}/rootfs.
   *
   * @param lower the root dirs of the layers below, top first (empty for {@code base})
   */
  void build(StackLayer layer, Path buildDir, List<Path> lower) throws IOException {
    Path rootfs = Files.createDirectories(buildDir.resolve("rootfs"));
    if (lower.isEmpty()) {
      debootstrap(rootfs);
      try (Chroot chroot = Chroot.enter(rootfs, progress)) {
        install(chroot, layer, true);
      }
      return;
    }
    Path work = Files.createDirectories(buildDir.resolve("work"));
    Path merged = Files.createDirectories(buildDir.resolve("merged"));
    step(layer, "overlay of " + lower + " with the new layer as its upper dir");
    Mounts.mount(
        progress,
        "-t",
        "overlay",
        "overlay",
        "-o",
        overlayOptions(lower, rootfs, work),
        merged.toString());
    try (Chroot chroot = Chroot.enter(merged, progress)) {
      install(chroot, layer, false);
    } finally {
      Mounts.unmount(merged, progress);
    }
    Files.delete(merged);
    StackFiles.deleteTree(work);
  }

  /**
   * Self-contained upper dirs: no metadata-only copies or redirects that point into the lower
   * layers, so the upper can later serve as a lower layer itself.
   */
  static String overlayOptions(List<Path> lower, Path upper, Path work) {
    return "lowerdir="
        + lower.stream().map(Path::toString).collect(Collectors.joining(":"))
        + ",upperdir="
        + upper
        + ",workdir="
        + work
        + ",index=off,metacopy=off,redirect_dir=off";
  }

  private void debootstrap(Path rootfs) throws IOException {
    List<String> debootstrap =
        List.of(
            "debootstrap",
            "--variant=minbase",
            config.release(),
            rootfs.toString(),
            mirrors.archive());
    timed(
        StackLayer.BASE,
        "debootstrap --variant=minbase " + config.release() + " from " + mirrors.archive(),
        () -> StreamedCommand.run(debootstrap, "  debootstrap: ", progress));
    Files.writeString(rootfs.resolve("etc/apt/sources.list"), mirrors.sourcesList());
    // a job gets its own resolv.conf: do not keep the build machine's
    Files.writeString(rootfs.resolve("etc/resolv.conf"), "");
  }

  private void install(Chroot chroot, StackLayer layer, boolean base) throws IOException {
    String name = layer.layerName();
    timed(layer, "apt-get update", () -> chroot.run(name, aptGet("update")));
    if (base) {
      timed(
          layer,
          "apt-get upgrade (security and point-release updates)",
          () -> chroot.run(name, aptGet("-y", "upgrade")));
    }
    List<String> install = new ArrayList<>(List.of("-y", "--no-install-recommends", "install"));
    install.addAll(layer.packages());
    timed(
        layer,
        "apt-get install " + String.join(" ", layer.packages()),
        () -> chroot.run(name, aptGet(install.toArray(String[]::new))));
    if (base) {
      addAppUser(chroot);
    }
    addFiles(chroot.root(), layer);
    step(layer, "apt-get clean, apt lists removed");
    chroot.run(name, aptGet("clean"));
    chroot.run(name, "/bin/sh", "-c", "rm -rf /var/lib/apt/lists/*");
  }

  private void addFiles(Path root, StackLayer layer) throws IOException {
    for (LayerFile file : layer.files()) {
      step(layer, "adding /" + file.path());
      Path target = root.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.write(target, file.content());
      Files.setPosixFilePermissions(
          target, PosixFilePermissions.fromString(file.executable() ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }

  private void addAppUser(Chroot chroot) throws IOException {
    String uid = Integer.toString(config.appUid());
    step(StackLayer.BASE, "user app (uid " + uid + ") for app processes");
    chroot.run("base", "groupadd", "--gid", uid, "app");
    chroot.run(
        "base",
        "useradd",
        "--uid",
        uid,
        "--gid",
        uid,
        "--no-create-home",
        "--home-dir",
        "/app",
        "--shell",
        "/bin/bash",
        "app");
  }

  private static String[] aptGet(String... args) {
    List<String> command = new ArrayList<>(List.of("apt-get", "-o", "Dpkg::Use-Pty=0"));
    command.addAll(List.of(args));
    return command.toArray(String[]::new);
  }

  private void timed(StackLayer layer, String what, Step step) throws IOException {
    Instant start = clock.instant();
    step(layer, what);
    step.run();
    step(layer, what + ": done in " + Elapsed.format(Duration.between(start, clock.instant())));
  }

  private void step(StackLayer layer, String what) {
    progress.line("stack: [" + layer.layerName() + "] " + what);
  }
}
