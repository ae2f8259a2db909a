package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code flynn limit set}: memory and process limits reach the containers and hold. */
class LimitsIT {
  private static final String RELEASE_JSON =
      """
      {
        "processes": {
          "web": {
            "args": ["sh", "-c", "exec python3 -m http.server $PORT"],
            "ports": [{"port": 8080, "proto": "tcp", "service": {"name": "limits-web", "create": true}}]
          },
          "hog": {
            "args": ["python3", "-c", "import time; b = b'x' * (256 << 20); time.sleep(600)"]
          },
          "bomb": {
            "args": ["sh", "-c", "bomb() { bomb | bomb & }; bomb; sleep 600"]
          }
        }
      }
      """;

  @RegisterExtension final Clusters clusters = new Clusters();
  private Cluster cluster;

  @BeforeEach
  void up() throws Exception {
    Machine.assumeContainers("LimitsIT", "runc");
    cluster = clusters.startWithContainers();
    cluster.createApp("limits", RELEASE_JSON, "-r", "");
  }

  @Test
  void limitsAreShownSetAndEnforcedWhileTheHostStaysHealthy() {
    assertThat(cluster.flynn("-a", "limits", "limit").ok().out())
        .contains("web:   cpu=1000  max_fd=10000  memory=1GB  temp_disk=100MB");
    cluster.flynn("-a", "limits", "limit", "set", "hog", "memory=64MB").ok();
    cluster.flynn("-a", "limits", "limit", "set", "bomb", "max_procs=64").ok();
    assertThat(cluster.flynn("-a", "limits", "limit", "-t", "bomb").ok().out())
        .contains("max_procs=64");
    assertThat(cluster.flynn("-a", "limits", "limit", "set", "hog", "memory=lots").failed().err())
        .contains("invalid resource limit value: \"lots\"");

    cluster.flynn("-a", "limits", "scale", "web=1").ok();
    cluster.flynn("-a", "limits", "scale", "--no-wait", "hog=1", "bomb=1").ok();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() ->
            assertThat(cluster.flynn("-a", "limits", "ps", "-a").ok().out())
                .contains("exited 137: out of memory"));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> {
          Path bomb = bombCgroup();
          assertThat(bomb).as("the bomb's pids cgroup").isNotNull();
          assertThat(counter(bomb.resolve("pids.events"), "max"))
              .as("forks refused at the limit")
              .isPositive();
          assertThat(Long.parseLong(Files.readString(bomb.resolve("pids.current")).trim()))
              .isLessThanOrEqualTo(64);
        });

    assertThat(cluster.jobs("limits", "-a"))
        .anyMatch(j -> "web".equals(j.type()) && "up".equals(j.state()));
    cluster.flynn("-a", "limits", "scale", "hog=0", "bomb=0").ok();
    assertThat(cluster.jobs("limits", "-a"))
        .noneMatch(j -> "bomb".equals(j.type()) && "up".equals(j.state()));
  }

  /** The pids cgroup (v1 or v2) of the container whose limit is 64: the bomb's; or null. */
  private static Path bombCgroup() throws IOException {
    for (Path root :
        List.of(Path.of("/sys/fs/cgroup/pids/flynn"), Path.of("/sys/fs/cgroup/flynn"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path dir : dirs.filter(Files::isDirectory).toList()) {
          Path max = dir.resolve("pids.max");
          if (Files.exists(max) && Files.readString(max).trim().equals("64")) {
            return dir;
          }
        }
      }
    }
    return null;
  }

  private static long counter(Path file, String name) throws IOException {
    return Files.readAllLines(file).stream()
        .map(line -> line.split(" "))
        .filter(f -> f.length == 2 && f[0].equals(name))
        .mapToLong(f -> Long.parseLong(f[1]))
        .findFirst()
        .orElse(0);
  }
}
