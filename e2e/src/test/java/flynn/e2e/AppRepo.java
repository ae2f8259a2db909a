package flynn.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

/** An app of {@code examples/} as a user's git repo: a copy of it, committed on main. */
final class AppRepo {
  static final Path EXAMPLES = Cluster.ROOT.resolve("examples");
  private static final Duration GIT = Duration.ofSeconds(30);

  private AppRepo() {}

  /** A git repo in {@code dir} holding a copy of {@code example}, committed on main. */
  static Path of(Cluster cluster, String example, Path dir) throws IOException {
    copyTree(EXAMPLES.resolve(example), dir);
    cluster.git(dir, GIT, "init", "-q", "-b", "main").ok();
    commit(cluster, dir, "the " + example + " example");
    return dir;
  }

  static void commit(Cluster cluster, Path repo, String message) {
    cluster.git(repo, GIT, "add", "-A").ok();
    cluster
        .git(
            repo,
            GIT,
            "-c",
            "user.name=e2e",
            "-c",
            "user.email=e2e@example.com",
            "commit",
            "-q",
            "-m",
            message)
        .ok();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
