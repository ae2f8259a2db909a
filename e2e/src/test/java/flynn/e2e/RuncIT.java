package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.Json;
import flynn.api.controller.Job;
import flynn.api.host.ActiveJob;
import flynn.api.host.HostClient;
import flynn.api.host.HostJob;
import flynn.api.host.JobStatus;
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
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code flynn-host up --runner runc}: each job in its own container, with its own IP. */
class RuncIT {
  // The e2e tests' app, unchanged: the run stack has python3 on the PATH.
  private static final String RELEASE_JSON =
      """
      {
        "processes": {
          "web": {
            "args": ["sh", "-c", "echo started $FLYNN_JOB_ID; exec python3 -m http.server $PORT"],
            "ports": [{"port": 8080, "proto": "tcp", "service": {"name": "demo-web", "create": true}}]
          }
        }
      }
      """;

  private Cluster cluster;

  @BeforeEach
  void up() throws Exception {
    assumeThat(ProcessHandle.current().info().user())
        .as("RuncIT runs containers and needs root; run the e2e tests as root to include it")
        .contains("root");
    assumeThat(onPath("runc")).as("RuncIT needs runc on the PATH (apt-get install runc)").isTrue();
    cluster = Cluster.start(List.of("--runner", "runc"));
  }

  @AfterEach
  void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void webJobsRunInContainersWithTheirOwnAddressesAndLeaveNothingBehind() throws Exception {
    cluster.flynn("create", "demo").ok();
    Path release = cluster.workDir.resolve("release.json");
    Files.writeString(release, RELEASE_JSON);
    cluster.flynn("-a", "demo", "release", "add", "-f", release.toString()).ok();

    cluster.flynn("-a", "demo", "scale", "web=2").ok();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(upWebJobs()).hasSize(2));
    List<ActiveJob> running = runningOnHost();
    assertThat(running).hasSize(2);
    List<String> ips = running.stream().map(ActiveJob::internalIp).toList();
    assertThat(ips)
        .allMatch(ip -> ip != null && ip.matches("100\\.100\\.\\d+\\.\\d+"))
        .doesNotHaveDuplicates();
    assertThat(get("http://" + ips.getFirst() + ":8080/")).isEqualTo(200);

    List<String> containers = containers();
    assertThat(containers).hasSize(2);
    assertRootIsTheRunStack(containers.getFirst());
    assertThat(cluster.stop()).as("flynn-host exit status after SIGTERM").isIn(0, 143);

    assertThat(netnsNames()).doesNotContainAnyElementsOf(containers);
    assertThat(mountsUnder(cluster.stateDir)).isEmpty();
    assertThat(containers()).isEmpty();
    assertThat(run("nft", "list", "tables").lines()).doesNotContain("table inet flynn");
  }

  /**
   * A job sees the Debian run stack as its root, none of the host's files and none of the daemon's
   * env; its app is uid 10000.
   */
  private void assertRootIsTheRunStack(String container) {
    String seen =
        inContainer(
            container,
            "for p in /work "
                + Cluster.ROOT
                + " /root/.m2 "
                + cluster.stateDir
                + "; do [ -e $p ] && echo host-file-visible:$p; done;"
                + " cat /etc/debian_version; ps -o uid= -C python3; tr '\\0' '\\n' </proc/1/environ");
    assertThat(seen).doesNotContain("host-file-visible").contains("12.");
    assertThat(seen).as("the job's env is the container's, not the daemon's").contains("HOME=/app");
    assertThat(seen.lines().filter(l -> l.startsWith("PATH="))).noneMatch(l -> l.contains("/root"));
    assertThat(seen.lines().map(String::strip)).contains("10000");
    assertThat(Files.isDirectory(Cluster.STACK_DIR.resolve("run/rootfs"))).isTrue();
  }

  private String inContainer(String container, String script) {
    Path root = cluster.stateDir.resolve("runc/runc");
    return run("runc", "--root", root.toString(), "exec", container, "sh", "-c", script);
  }

  @Test
  void aSecondClusterWithContainersOnTheSameMachineIsRefusedClearly() throws Exception {
    Path other = Files.createTempDirectory("flynn-e2e-second-");
    try {
      Process second =
          new ProcessBuilder(
                  Cluster.ROOT.resolve("bin/flynn-host").toString(),
                  "up",
                  "--runner",
                  "runc",
                  "--state-dir",
                  other.resolve("state").toString(),
                  "--controller-port",
                  Integer.toString(Cluster.freePort()),
                  "--stack-dir",
                  Cluster.STACK_DIR.toString())
              .redirectErrorStream(true)
              .redirectOutput(other.resolve("out.log").toFile())
              .start();
      try {
        assertThat(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isNotZero();
        assertThat(Files.readString(other.resolve("out.log")))
            .contains("another flynn-host runs containers on this machine")
            .contains("state dir " + cluster.stateDir)
            .contains("--runner process");
      } finally {
        second.destroyForcibly();
      }
      assertThat(get("http://127.0.0.1:" + cluster.controllerPort + "/ping"))
          .as("the first cluster still answers")
          .isEqualTo(200);
    } finally {
      try (Stream<Path> walk = Files.walk(other)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private List<Job> upWebJobs() {
    String json = cluster.flynn("-a", "demo", "ps", "--json").ok().out();
    List<Job> jobs;
    try {
      jobs = Json.mapper().readValue(json, new TypeReference<List<Job>>() {});
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
    return jobs.stream().filter(j -> "web".equals(j.type()) && "up".equals(j.state())).toList();
  }

  private List<ActiveJob> runningOnHost() throws IOException {
    return new HostClient(cluster.hostUrl(), cluster.key())
        .listJobs().stream()
            .filter(j -> j.status() == JobStatus.RUNNING)
            .filter(j -> "web".equals(j.job().meta(HostJob.META_TYPE)))
            .toList();
  }

  private static int get(String url) throws Exception {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  /** This cluster's runc containers, by id (a container's netns has the same name). */
  private List<String> containers() {
    Path root = cluster.stateDir.resolve("runc/runc");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    return run("runc", "--root", root.toString(), "list", "-q")
        .lines()
        .filter(l -> !l.isBlank())
        .toList();
  }

  private static Set<String> netnsNames() {
    return Set.copyOf(
        run("ip", "netns", "list")
            .lines()
            .map(l -> l.split(" ")[0])
            .filter(n -> !n.isBlank())
            .toList());
  }

  private static List<String> mountsUnder(Path dir) throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
      return lines
          .filter(line -> line.split(" ").length > 4)
          .filter(line -> Path.of(line.split(" ")[4]).startsWith(dir))
          .toList();
    }
  }

  private static String run(String... cmd) {
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

  private static boolean onPath(String name) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, name)));
  }
}
