package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.host.run.JobLimits;
import flynn.host.run.OutputSink;
import flynn.host.run.RunningJob;
import flynn.host.run.Stdio;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real containers ({@link ContainerFixture}): runc, an overlay over a busybox rootfs, a netns and
 * veth on a bridge of the test's own, cgroups under a parent of the test's own. Runs only as root
 * with runc and a static busybox installed.
 */
class RuncRunnerIT {
  @TempDir Path temp;
  private ContainerFixture containers;
  private RuncConfig config;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final OutputSink sink = (stream, line) -> lines.add(stream.wire() + ":" + line);

  @BeforeEach
  void setUp() throws IOException {
    containers = ContainerFixture.create(temp);
    config = containers.config();
  }

  @AfterEach
  void tearDown() throws IOException {
    if (containers != null) {
      containers.close();
    }
  }

  @Test
  void outputLinesArriveAndTheExitCodePropagates() throws Exception {
    RunningJob job =
        start(
            List.of(
                "sh", "-c", "echo uid=$(id -u) init=$(cat /proc/1/comm); echo oops >&2; exit 7"),
            JobLimits.defaults());

    assertThat(job.exit().get(20, TimeUnit.SECONDS)).isEqualTo(7);
    assertThat(drain()).contains("stdout:uid=10000 init=tini", "stderr:oops");
    assertThat(job.outOfMemory()).isFalse();
    assertNothingLeft();
  }

  @Test
  void aJobPastItsMemoryLimitIsKilledAndReportedOutOfMemory() throws Exception {
    JobLimits limits = new JobLimits(32L << 20, 1000, 1000, 100);
    RunningJob job =
        start(List.of("sh", "-c", "a=0123456789abcdef; while :; do a=$a$a; done"), limits);

    assertThat(job.exit().get(20, TimeUnit.SECONDS)).isEqualTo(137);
    assertThat(job.outOfMemory()).isTrue();
    assertNothingLeft();
  }

  @Test
  void aJobHasItsOwnAddressReachableFromTheHostAndStopLeavesNothing() throws Exception {
    RunningJob job =
        start(
            List.of(
                "sh",
                "-c",
                "echo hello-from-job > /tmp/index.html && exec httpd -f -p 8080 -h /tmp"),
            JobLimits.defaults());
    String ip = job.ip().orElseThrow();
    assertThat(new IpAllocator(config.network()).contains(ip)).isTrue();

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest get =
        HttpRequest.newBuilder(URI.create("http://" + ip + ":8080/index.html"))
            .timeout(Duration.ofSeconds(2))
            .build();
    await()
        .ignoreExceptions()
        .untilAsserted(() ->
            assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).body())
                .isEqualTo("hello-from-job\n"));

    job.stop(Duration.ofSeconds(2));
    assertThat(job.exit()).isCompletedWithValue(143); // TERM reached httpd through tini
    assertNothingLeft();
  }

  @Test
  void aNewRunnerRemovesTheContainerOfACrashedOne() throws Exception {
    RunningJob job = start(List.of("sleep", "600"), JobLimits.defaults());
    await()
        .until(
            () -> !new RuncCli(config.runcBinary(), config.runcRoot().toString()).list().isEmpty());

    assertThat(new RuncRunner(config).killLeftover(job.process())).isTrue();

    assertThat(job.exit().get(10, TimeUnit.SECONDS)).isEqualTo(137);
    assertNothingLeft();
  }

  @Test
  void aTtyJobRunsOnATerminalOfTheAskedSizeTakesInputAndExitsWithItsStatus() throws Exception {
    RunningJob job =
        startAttached(
            List.of("sh", "-c", "tty; stty size; read line; echo got=$line; exit 3"), true, true);

    await().until(() -> raw.toString().contains("/dev/pts/"));
    await().until(() -> raw.toString().contains("30 100"));
    job.stdin().write("hi\n".getBytes(StandardCharsets.UTF_8));
    job.stdin().flush();

    assertThat(job.exit().get(20, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(raw.toString()).contains("got=hi");
    assertNothingLeft();
  }

  @Test
  void aTtyJobIsResizedWhileItRuns() throws Exception {
    // a resize takes effect soon, not at once: the job looks until it has (for at most 10 s)
    RunningJob job =
        startAttached(
            List.of(
                "sh",
                "-c",
                "read a; for i in $(seq 100); do [ \"$(stty size)\" = \"40 120\" ] && break;"
                    + " sleep 0.1; done; stty size; read b"),
            true,
            true);
    job.resize(40, 120);
    job.stdin().write("x\n".getBytes(StandardCharsets.UTF_8));
    job.stdin().flush();

    await().until(() -> raw.toString().contains("40 120"));
    job.stdin().write("y\n".getBytes(StandardCharsets.UTF_8));
    job.stdin().flush();
    assertThat(job.exit().get(20, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void aJobWithStdinReadsItFromThePipeUntilEof() throws Exception {
    RunningJob job = startAttached(List.of("sh", "-c", "cat; echo err >&2; exit 5"), false, true);

    job.stdin().write("hello\n".getBytes(StandardCharsets.UTF_8));
    job.stdin().close();

    assertThat(job.exit().get(20, TimeUnit.SECONDS)).isEqualTo(5);
    assertThat(raw.toString()).contains("stdout:hello\n", "stderr:err\n");
    assertNothingLeft();
  }

  private final StringBuffer raw = new StringBuffer();

  private RunningJob startAttached(List<String> args, boolean tty, boolean stdin)
      throws IOException {
    Stdio stdio =
        new Stdio(
            tty,
            stdin,
            30,
            100,
            (stream, bytes, length) -> {
              String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
              raw.append(tty ? text : stream.wire() + ":" + text);
            });
    return containers.start(args, stdio);
  }

  private RunningJob start(List<String> args, JobLimits limits) throws IOException {
    return containers.start(args, limits, sink);
  }

  private List<String> drain() {
    List<String> out = new ArrayList<>();
    lines.drainTo(out);
    return out;
  }

  private void assertNothingLeft() throws IOException {
    assertThat(containers.leftovers()).as("mounts, netns and veths").isEmpty();
    Cgroups cgroups = new Cgroups(config.cgroupRoot());
    for (ContainerNames names : containers.containers()) {
      assertThat(cgroups.existing(names.cgroupPath(config.cgroupParent()))).isEmpty();
    }
    assertThat(new RuncCli(config.runcBinary(), config.runcRoot().toString()).list()).isEmpty();
    assertThat(new IpLeases(config.network(), config.stateDir()).snapshot()).isEmpty();
    try (Stream<Path> bundles = Files.list(config.stateDir().resolve("containers"))) {
      assertThat(bundles).isEmpty();
    }
  }
}
