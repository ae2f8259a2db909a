package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The machine the tests run on, as its tools see it: commands, the PATH, mounts, network
 * namespaces, links, cgroups and nft tables, and HTTP from here.
 */
final class Machine {
  private Machine() {}

  /** Skips {@code test} unless it runs as root and finds each of {@code tools} on the PATH. */
  static void assumeContainers(String test, String... tools) {
    assumeThat(ProcessHandle.current().info().user())
        .as("%s runs containers and needs root; run the e2e tests as root to include it", test)
        .contains("root");
    for (String tool : tools) {
      assumeThat(onPath(tool))
          .as("%s needs %s on the PATH (apt-get install %s)", test, tool, tool)
          .isTrue();
    }
  }

  /** Runs {@code cmd}, asserts it exits 0 and returns its output (stdout and stderr). */
  static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as("%s: %s", String.join(" ", cmd), out).isZero();
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + cmd[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }

  /** Deletes {@code dir} and everything in it. */
  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static boolean onPath(String name) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, name)));
  }

  /** The lines of this process's mountinfo whose mount point is under {@code dir}. */
  static List<String> mountsUnder(Path dir) throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
      return lines
          .filter(line -> line.split(" ").length > 4)
          .filter(line -> Path.of(line.split(" ")[4]).startsWith(dir))
          .toList();
    }
  }

  static Set<String> netnsNames() {
    return Set.copyOf(
        run("ip", "netns", "list")
            .lines()
            .map(l -> l.split(" ")[0])
            .filter(n -> !n.isBlank())
            .toList());
  }

  /** {@code ip -o link show}: one line per network interface. */
  static String links() {
    return run("ip", "-o", "link", "show");
  }

  /** The nft tables, one {@code table <family> <name>} a line. */
  static List<String> nftTables() {
    return run("nft", "list", "tables").lines().map(String::strip).toList();
  }

  /** The {@code flynn} parent cgroup (and so any container's) in every hierarchy, v1 or v2. */
  static List<Path> flynnCgroups() throws IOException {
    try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
      return Stream.concat(Stream.of(Path.of("/sys/fs/cgroup")), hierarchies)
          .map(h -> h.resolve("flynn"))
          .filter(Files::isDirectory)
          .toList();
    }
  }

  static String ipForward() throws IOException {
    return Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip();
  }

  /** A GET with 5 s timeouts; the response, whatever its status. */
  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
