package flynn.host.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A root filesystem being worked on with apt: {@code /proc}, {@code /dev} and {@code /sys} mounted
 * and the host's resolv.conf in place for as long as it is open. {@link #close} unmounts them and
 * puts the root's own resolv.conf back, also after a failed command.
 */
final class Chroot implements AutoCloseable {
  private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");

  private final Path root;
  private final Progress progress;
  private final Deque<Path> mounted = new ArrayDeque<>();
  private final Saved resolvConf;

  private Chroot(Path root, Progress progress) throws IOException {
    this.root = root;
    this.progress = progress;
    this.resolvConf = Saved.of(root.resolve("etc/resolv.conf"));
  }

  static Chroot enter(Path root, Progress progress) throws IOException {
    Chroot chroot = new Chroot(root, progress);
    try {
      chroot.mount("proc", "-t", "proc", "proc");
      chroot.mount("dev", "--bind", "/dev");
      chroot.mount("sys", "-t", "sysfs", "sys");
      Files.deleteIfExists(chroot.resolvConf.path());
      if (Files.isRegularFile(HOST_RESOLV_CONF)) {
        Files.copy(HOST_RESOLV_CONF, chroot.resolvConf.path()); // apt resolves the mirror's name
      }
      return chroot;
    } catch (IOException | RuntimeException e) {
      chroot.close();
      throw e;
    }
  }

  private void mount(String dir, String... args) throws IOException {
    Path target = root.resolve(dir);
    Files.createDirectories(target);
    List<String> mountArgs = new ArrayList<>(List.of(args));
    mountArgs.add(target.toString());
    Mounts.mount(progress, mountArgs.toArray(String[]::new));
    mounted.push(target);
  }

  /** The root dir as the host sees it. */
  Path root() {
    return root;
  }

  /** Runs {@code command} inside the root with a clean, non-interactive environment. */
  void run(String label, String... command) throws IOException {
    List<String> line =
        new ArrayList<>(
            List.of(
                "chroot",
                root.toString(),
                "/usr/bin/env",
                "-i",
                "PATH=" + PATH,
                "HOME=/root",
                "LC_ALL=C",
                "DEBIAN_FRONTEND=noninteractive"));
    line.addAll(List.of(command));
    StreamedCommand.run(line, "  " + label + ": ", progress);
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    try {
      resolvConf.restore();
    } catch (IOException e) {
      failure = e;
    }
    while (!mounted.isEmpty()) {
      try {
        Mounts.unmount(mounted.pop(), progress);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** A file as it was before the build replaced it: a symlink, some content, or nothing. */
  private record Saved(Path path, Path link, byte[] content) {
    static Saved of(Path path) throws IOException {
      if (Files.isSymbolicLink(path)) {
        return new Saved(path, Files.readSymbolicLink(path), null);
      }
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        return new Saved(path, null, Files.readAllBytes(path));
      }
      return new Saved(path, null, null);
    }

    void restore() throws IOException {
      Files.deleteIfExists(path);
      if (link != null) {
        Files.createSymbolicLink(path, link);
      } else if (content != null) {
        Files.write(path, content);
      }
    }
  }
}
