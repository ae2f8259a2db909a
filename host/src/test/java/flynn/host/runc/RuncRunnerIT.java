package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flynn.host.run.JobLaunch;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real containers: runc, an overlay over a busybox rootfs built here, a netns and veth on a bridge
 * of the test's own, cgroups under a parent of the test's own. Runs only as root with runc and a
 * static busybox installed.
 */
class RuncRunnerIT {
  private static final Path BUSYBOX = Path.of("/bin/busybox");
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path temp;
  private RuncConfig config;
  private RuncRunner runner;
  private final List<RunningJob> started = new ArrayList<>();
  private final List<ContainerNames> made = new ArrayList<>();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final OutputSink sink = (stream, line) -> lines.add(stream.wire() + ":" + line);

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(isRoot(), "RuncRunnerIT needs root (mounts, netns, cgroups); skipped");
    assumeTrue(Files.isExecutable(Path.of(Tools.find("runc"))), "runc is not installed; skipped");
    assumeTrue(Files.isExecutable(BUSYBOX), "busybox-static is not installed; skipped");
    String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    int subnet = ThreadLocalRandom.current().nextInt(1, 250);
    NetworkConfig network = new NetworkConfig("flynnit" + suffix, "100.126." + subnet + ".1", 24);
    config =
        new RuncConfig(
            temp.resolve("state"),
            List.of(busyboxRootfs(temp.resolve("rootfs"))),
            network,
            "flynn-it-" + suffix,
            RuncConfig.APP_UID,
            RuncConfig.APP_UID,
            RuncConfig.MAX_FD_CEILING,
            Tools.find("runc"),
            Path.of("/sys/fs/cgroup"));
    runner = new RuncRunner(config);
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50));
  }

  @AfterEach
  void tearDown() throws IOException {
    if (runner == null) {
      return;
    }
    for (RunningJob job : started) {
      job.stop(Duration.ofSeconds(1));
    }
    RuncRunner cleaner = new RuncRunner(config);
    for (ContainerNames names : made) {
      cleaner.killLeftover(new flynn.host.run.ProcessRef(-1, -1, -1, names.containerId()));
    }
    Command.run(List.of(Tools.IP, "link", "delete", "dev", config.network().bridge()));
    for (Path parent : new Cgroups(config.cgroupRoot()).existing("/" + config.cgroupParent())) {
      Files.deleteIfExists(parent);
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
    RunningJob job = startAttached(List.of("sh", "-c", "read a; stty size; read b"), true, true);
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
    String jobId = "it-" + UUID.randomUUID();
    made.add(ContainerNames.forJob(jobId));
    JobLaunch launch =
        new JobLaunch(
            jobId, args, Map.of("PATH", "/bin"), temp, List.of(), JobLimits.defaults(), "/");
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
    RunningJob job = runner.start(launch, stdio);
    started.add(job);
    return job;
  }

  private RunningJob start(List<String> args, JobLimits limits) throws IOException {
    String jobId = "it-" + UUID.randomUUID();
    made.add(ContainerNames.forJob(jobId));
    JobLaunch launch =
        new JobLaunch(jobId, args, Map.of("PATH", "/bin"), temp, List.of(), limits, "/");
    RunningJob job = runner.start(launch, sink);
    started.add(job);
    return job;
  }

  private List<String> drain() {
    List<String> out = new ArrayList<>();
    lines.drainTo(out);
    return out;
  }

  private void assertNothingLeft() throws IOException {
    String state = config.stateDir().toAbsolutePath().toString();
    assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo")))
        .noneMatch(line -> line.contains(state));
    String netns = Command.check(List.of(Tools.IP, "netns", "list")).stdout();
    String links = Command.check(List.of(Tools.IP, "-o", "link", "show")).stdout();
    Cgroups cgroups = new Cgroups(config.cgroupRoot());
    for (ContainerNames names : made) {
      assertThat(netns).doesNotContain(names.netns());
      assertThat(links).doesNotContain(names.hostVeth());
      assertThat(cgroups.existing(names.cgroupPath(config.cgroupParent()))).isEmpty();
    }
    assertThat(new RuncCli(config.runcBinary(), config.runcRoot().toString()).list()).isEmpty();
    assertThat(new IpLeases(config.network(), config.stateDir()).snapshot()).isEmpty();
    try (Stream<Path> bundles = Files.list(config.stateDir().resolve("containers"))) {
      assertThat(bundles).isEmpty();
    }
  }

  /** A root filesystem of busybox (static) and its applets, plus tini when the host has it. */
  private static Path busyboxRootfs(Path root) throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.copy(BUSYBOX, bin.resolve("busybox"));
    String applets = Command.check(List.of(BUSYBOX.toString(), "--list")).stdout();
    for (String applet :
        applets.lines().filter(a -> !a.isBlank() && !a.equals("busybox")).toList()) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Path tini = Path.of("/usr/bin/tini-static");
    if (Files.isExecutable(tini)) {
      Files.copy(tini, Files.createDirectories(root.resolve("usr/bin")).resolve("tini"));
    }
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(
        root.resolve("etc/passwd"), "root:x:0:0::/:/bin/sh\napp:x:10000:10000::/:/bin/sh\n");
    return root;
  }

  private static boolean isRoot() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
  }
}
