package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.controller.ControllerClient;
import flynn.api.controller.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The walkthrough, as a user does it: one cluster, one app, in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {
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

  private static Cluster cluster;

  @BeforeAll
  static void up() throws Exception {
    cluster = Cluster.start();
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void releaseScaledToThreeRunsThreeWebJobsThatLogTheirStart() throws Exception {
    cluster.createApp("demo", RELEASE_JSON);

    cluster.flynn("-a", "demo", "scale", "web=3").ok();

    List<Job> up = upWebJobs();
    assertThat(up).hasSize(3);
    String log = cluster.flynn("-a", "demo", "log").ok().out();
    for (Job job : up) {
      assertThat(log).contains("started " + job.id());
    }
    assertThat(cluster.flynn("-a", "demo", "ps").ok().out()).contains("web").contains("up");
  }

  @Test
  @Order(2)
  void killedJobIsReplacedWithinTwoSeconds() throws Exception {
    Job victim = upWebJobs().getFirst();
    cluster.flynn("-a", "demo", "kill", victim.id()).ok();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> {
          List<Job> up = upWebJobs();
          assertThat(up).hasSize(3).extracting(Job::id).doesNotContain(victim.id());
        });
    Job killed = controller().jobs().get("demo", victim.id());
    Job replacement =
        upWebJobs().stream()
            .filter(j -> j.createdAt().isAfter(victim.createdAt()))
            .max(java.util.Comparator.comparing(Job::createdAt))
            .orElseThrow();
    assertThat(killed.state()).isEqualTo("down");
    assertThat(Duration.between(killed.updatedAt(), replacement.createdAt()))
        .as("time from the kill being recorded to the replacement being created")
        .isLessThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  @Order(3)
  void restartOnTheSameStateDirBringsBackAppsReleasesAndJobs() throws Exception {
    String releaseBefore = controller().apps().get("demo").release();
    List<Long> jobPids = jobProcesses();
    assertThat(jobPids).isNotEmpty();

    // 143 = 128 + SIGTERM: the JVM's exit status after its shutdown hooks ran on that signal
    assertThat(cluster.stop()).as("flynn-host exit status after SIGTERM").isIn(0, 143);
    assertThat(jobPids).noneMatch(PlatformIT::running);

    cluster.up();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(upWebJobs()).hasSize(3));
    assertThat(cluster.flynn("apps").ok().out()).contains("demo");
    assertThat(controller().apps().get("demo").release()).isEqualTo(releaseBefore);
    assertThat(cluster.flynn("-a", "demo", "release", "list").ok().out()).contains(releaseBefore);
  }

  @Test
  @Order(4)
  void afterKill9TheNextStartCleansUpAndBringsEverythingBack() throws Exception {
    List<Long> jobPids = jobProcesses();
    assertThat(jobPids).hasSize(3);

    cluster.kill9();
    cluster.up();

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(upWebJobs()).hasSize(3));
    assertThat(jobPids)
        .as("the jobs of the killed daemon were ended, not left running beside the new ones")
        .noneMatch(PlatformIT::running);
    assertThat(jobProcesses()).hasSize(3);
  }

  @Test
  @Order(5)
  void detachedOneOffJobRunsTheCommandAndItsOutputIsInTheLog() {
    String jobId =
        cluster
            .flynn("-a", "demo", "run", "-d", "sh", "-c", "echo one-off $FLYNN_JOB_ID")
            .ok()
            .out()
            .strip();

    assertThat(jobId).isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() ->
            assertThat(cluster.flynn("-a", "demo", "log").ok().out()).contains("one-off " + jobId));
  }

  @Test
  @Order(6)
  void deletedAppIsGoneAndItsJobsAreStopped() {
    List<Long> jobPids = jobProcesses();
    assertThat(jobPids).isNotEmpty();

    assertThat(cluster.flynn("-a", "demo", "delete", "-y").ok().err()).contains("Deleted demo");

    assertThat(cluster.flynn("apps").ok().out()).doesNotContain("demo");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(jobPids).noneMatch(PlatformIT::running));
  }

  private static ControllerClient controller() throws Exception {
    return new ControllerClient("http://127.0.0.1:" + cluster.controllerPort, cluster.key());
  }

  private static List<Job> upWebJobs() {
    return cluster.jobs("demo").stream()
        .filter(j -> "web".equals(j.type()) && "up".equals(j.state()))
        .toList();
  }

  /**
   * The python servers of this cluster: processes under its flynn-host (a job's cwd is in the state
   * dir with the process runner, but {@code /} in a container).
   */
  private static List<Long> jobProcesses() {
    return cluster
        .hostProcess()
        .descendants()
        .filter(p -> running(p.pid()))
        .filter(p -> p.info().command().map(c -> c.contains("python")).orElse(false))
        .map(ProcessHandle::pid)
        .toList();
  }

  /** Alive and not a zombie (an orphan whose exit nobody has collected yet is not running). */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (Exception e) {
      return false;
    }
  }
}
