package flynn.builder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a command as the app user (uid 10000) chrooted into an overlay of stack layers, the way a
 * job runs in a container, but in the machine's network: a new mount and PID namespace ({@code
 * unshare}), so every mount and process goes when the command ends or {@link
 * Process#destroyForcibly} kills it (unshare ignores SIGTERM). The machine's CA certificates are
 * mounted over the stack's, so the build reaches registries through this machine's TLS-intercepting
 * proxy.
 */
record StackSandbox(Path stacks) {
  static final Path STACKS = Path.of("/var/cache/flynn/stacks");

  private static final String SETUP =
      """
      set -e
      root=$1 lower=$2 upper=$3 work=$4; shift 4
      mount -t overlay overlay -o "lowerdir=$lower,upperdir=$upper,workdir=$work" "$root"
      mount -t proc proc "$root/proc"
      mount --bind /dev "$root/dev"
      mount -t tmpfs -o mode=1777,size=2g tmpfs "$root/tmp"
      mount --bind -o ro /etc/ssl/certs "$root/etc/ssl/certs"
      # Not exec'd: this root shell is the namespace's init and dies with unshare (--kill-child;
      # the user switch would clear that signal), taking every process of the namespace with it.
      chroot --userspec=10000:10000 "$root" "$@"
      exit $?
      """;

  /** Whether this machine can run it: root, and the stack layers built. */
  static boolean available(String... layers) {
    if (!"root".equals(System.getProperty("user.name"))) {
      return false;
    }
    for (String layer : layers) {
      if (!Files.isDirectory(STACKS.resolve(layer).resolve("rootfs/usr"))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Starts {@code command} with only {@code env} (plus PATH and HOME) over {@code layers} (top
   * first: extra dirs, then stack names), its changes kept in {@code scratch}.
   */
  ProcessBuilder command(
      Path scratch, List<String> layers, Map<String, String> env, List<String> command)
      throws IOException {
    Path root = Files.createDirectories(scratch.resolve("root"));
    Path upper = Files.createDirectories(scratch.resolve("upper"));
    Path work = Files.createDirectories(scratch.resolve("work"));
    Files.createDirectories(upper.resolve("etc"));
    Files.copy(Path.of("/etc/resolv.conf"), upper.resolve("etc/resolv.conf"));
    List<String> line = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--kill-child"));
    line.addAll(List.of("bash", "-c", SETUP, "sandbox"));
    line.addAll(List.of(root.toString(), lowerDirs(layers), upper.toString(), work.toString()));
    line.addAll(List.of("/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/app"));
    env.forEach((name, value) -> line.add(name + "=" + value));
    line.addAll(command);
    return new ProcessBuilder(line);
  }

  private String lowerDirs(List<String> layers) {
    return layers.stream()
        .map(layer ->
            layer.startsWith("/") ? layer : stacks.resolve(layer).resolve("rootfs").toString())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
