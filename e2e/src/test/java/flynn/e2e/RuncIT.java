package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.controller.Job;
import flynn.api.host.ActiveJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

  @RegisterExtension final Clusters clusters = new Clusters();
  private Cluster cluster;

  @BeforeEach
  void up() throws Exception {
    Machine.assumeContainers("RuncIT", "runc");
    cluster = clusters.startWithContainers();
  }

  @Test
  void webJobsRunInContainersWithTheirOwnAddressesAndLeaveNothingBehind() throws Exception {
    cluster.createApp("demo", RELEASE_JSON);

    cluster.flynn("-a", "demo", "scale", "web=2").ok();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(upWebJobs()).hasSize(2));
    List<ActiveJob> running = cluster.runningOnHost("web");
    assertThat(running).hasSize(2);
    List<String> ips = running.stream().map(ActiveJob::internalIp).toList();
    assertThat(ips)
        .allMatch(ip -> ip != null && ip.matches("100\\.100\\.\\d+\\.\\d+"))
        .doesNotHaveDuplicates();
    assertThat(Machine.get("http://" + ips.getFirst() + ":8080/").statusCode()).isEqualTo(200);

    List<String> containers = cluster.containers();
    assertThat(containers).hasSize(2);
    assertRootIsTheRunStack(containers.getFirst());
    assertThat(cluster.stop()).as("flynn-host exit status after SIGTERM").isIn(0, 143);

    assertThat(Machine.netnsNames()).doesNotContainAnyElementsOf(containers);
    assertThat(Machine.mountsUnder(cluster.stateDir)).isEmpty();
    assertThat(cluster.containers()).isEmpty();
    assertThat(Machine.nftTables()).doesNotContain("table inet flynn");
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
    return Machine.run(
        "runc", "--root", cluster.runcRoot().toString(), "exec", container, "sh", "-c", script);
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
      assertThat(Machine.get("http://127.0.0.1:" + cluster.controllerPort + "/ping").statusCode())
          .as("the first cluster still answers")
          .isEqualTo(200);
    } finally {
      Machine.deleteTree(other);
    }
  }

  private List<Job> upWebJobs() {
    return cluster.jobs("demo").stream()
        .filter(j -> "web".equals(j.type()) && "up".equals(j.state()))
        .toList();
  }
}
