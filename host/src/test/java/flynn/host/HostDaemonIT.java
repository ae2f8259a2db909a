package flynn.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import flynn.api.controller.LogLine;
import flynn.api.host.ActiveJob;
import flynn.api.host.ContainerConfig;
import flynn.api.host.HealthCheck;
import flynn.api.host.HostClient;
import flynn.api.host.HostClient.LogQuery;
import flynn.api.host.HostEvent;
import flynn.api.host.HostJob;
import flynn.api.host.JobStatus;
import flynn.api.host.Port;
import flynn.api.host.Service;
import flynn.api.http.ApiException;
import flynn.host.run.ProcStat;
import flynn.host.run.ProcessRef;
import flynn.host.state.RunningRecord;
import flynn.host.state.StateFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostDaemonIT {
  private static final String KEY = "test-key";
  private static final String APP = "app1";
  private static final Duration GRACE = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path stateDir;
  private final FakeDiscoverd discoverd = new FakeDiscoverd();
  private final List<Process> testProcesses = new ArrayList<>();
  private HostDaemon daemon;
  private HostClient client;
  private Received<HostEvent> events;

  @BeforeEach
  void setUp() {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50));
  }

  @AfterEach
  void tearDown() throws IOException {
    if (events != null) {
      events.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    discoverd.close();
    testProcesses.forEach(Process::destroyForcibly);
  }

  private void startDaemon() {
    daemon =
        new HostDaemon(
            new HostConfig("host1", stateDir, "127.0.0.1", 0, discoverd.url(), KEY),
            new ProcessRunner(),
            GRACE);
    daemon.start();
    client = new HostClient(daemon.url(), KEY);
    events = new Received<>(client.streamEvents(), HostEvent.class);
  }

  private static HostJob job(String id, List<Port> ports, String... args) {
    ContainerConfig config =
        new ContainerConfig(
            List.of(args),
            null,
            null,
            Map.of("FLYNN_JOB_ID", id),
            ports,
            null,
            null,
            null,
            null,
            null);
    Map<String, String> meta = Map.of(HostJob.META_APP, APP, HostJob.META_TYPE, "web");
    return new HostJob(id, meta, null, null, config, null);
  }

  private static HostJob shell(String id, String script) {
    return job(id, List.of(), "sh", "-c", script);
  }

  private HostEvent awaitEvent(String jobId, String event) throws InterruptedException {
    return events.next(e -> e.jobId().equals(jobId) && e.event().equals(event), WAIT);
  }

  private List<LogLine> logOf(String jobId) {
    return client.log(APP, new LogQuery(0, jobId, null));
  }

  private void awaitLogged(String jobId, String msg) {
    await().until(() -> logOf(jobId).stream().anyMatch(l -> l.msg().equals(msg)));
  }

  /** The pid a job printed as its first line ({@code echo $$}). */
  private long printedPid(String jobId) {
    await().until(() -> !logOf(jobId).isEmpty());
    return Long.parseLong(logOf(jobId).getFirst().msg());
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Live (not zombie) processes in a process group. */
  private static List<Long> liveMembers(long pgid) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .map(p -> p.getFileName().toString())
          .filter(name -> name.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .map(ProcStat::read)
          .flatMap(java.util.Optional::stream)
          .filter(s -> s.pgrp() == pgid && !s.isZombie())
          .map(ProcStat::pid)
          .toList();
    }
  }

  @Test
  void aWebJobIsUpOnceItsPortAcceptsIsRegisteredAndItsOutputIsLoggedByStream() throws Exception {
    startDaemon();
    Service service = new Service("demo-web", true, null);
    client.addJob(
        job(
            "web1",
            List.of(new Port(0, "tcp", service)),
            "sh",
            "-c",
            "echo to-stdout; echo to-stderr >&2; exec python3 -m http.server \"$PORT\" --bind 127.0.0.1"));

    assertThat(awaitEvent("web1", HostEvent.CREATE).job().status()).isEqualTo(JobStatus.STARTING);
    ActiveJob up = awaitEvent("web1", HostEvent.START).job();
    int port = up.job().config().ports().getFirst().port();

    assertThat(up.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(port).isPositive();
    assertThat(up.job().config().env()).containsEntry("PORT", Integer.toString(port));
    assertThat(accepts(port)).isTrue();
    assertThat(discoverd.calls("demo-web"))
        .singleElement()
        .satisfies(put -> {
          assertThat(put.method()).isEqualTo("PUT");
          assertThat(put.instance().addr()).isEqualTo("127.0.0.1:" + port);
          assertThat(put.instance().meta())
              .containsEntry("FLYNN_JOB_ID", "web1")
              .containsEntry("FLYNN_APP_ID", APP)
              .containsEntry("FLYNN_PROCESS_TYPE", "web");
        });
    awaitLogged("web1", "to-stderr");
    assertThat(logOf("web1"))
        .extracting(LogLine::msg, LogLine::stream, LogLine::source, LogLine::hostId)
        .contains(
            org.assertj.core.groups.Tuple.tuple("to-stdout", "stdout", "app", "host1"),
            org.assertj.core.groups.Tuple.tuple("to-stderr", "stderr", "app", "host1"));

    client.stopJob("web1");

    ActiveJob stopped = awaitEvent("web1", HostEvent.STOP).job();
    assertThat(stopped.status()).isEqualTo(JobStatus.DONE);
    assertThat(stopped.exitStatus()).isEqualTo(128 + 15);
    assertThat(discoverd.calls("demo-web"))
        .extracting(FakeDiscoverd.Call::method)
        .containsExactly("PUT", "DELETE");
    assertThat(accepts(port)).isFalse();
  }

  @Test
  void stopEndsAJobWithSigterm() throws Exception {
    startDaemon();
    client.addJob(job("sleeper", List.of(), "sleep", "1000"));
    awaitEvent("sleeper", HostEvent.START);

    client.stopJob("sleeper");

    ActiveJob stopped = client.getJob("sleeper");
    assertThat(stopped.status()).isEqualTo(JobStatus.DONE);
    assertThat(stopped.exitStatus()).isEqualTo(128 + 15);
    assertThat(stopped.forceStop()).isTrue();
  }

  @Test
  void aJobThatIgnoresSigtermIsKilledAfterTheGrace() throws Exception {
    startDaemon();
    client.addJob(
        shell("stubborn", "trap '' TERM; echo $$; echo ready; while true; do sleep 0.1; done"));
    awaitLogged("stubborn", "ready");
    long pid = printedPid("stubborn");

    client.stopJob("stubborn");

    ActiveJob stopped = awaitEvent("stubborn", HostEvent.STOP).job();
    assertThat(stopped.exitStatus()).isEqualTo(128 + 9);
    assertThat(liveMembers(pid)).isEmpty();
  }

  @Test
  void aCrashingJobReportsCrashedWithItsExitStatus() throws Exception {
    startDaemon();
    client.addJob(shell("crasher", "echo bye; exit 3"));

    awaitEvent("crasher", HostEvent.START);
    ActiveJob crashed = awaitEvent("crasher", HostEvent.STOP).job();

    assertThat(crashed.status()).isEqualTo(JobStatus.CRASHED);
    assertThat(crashed.exitStatus()).isEqualTo(3);
    assertThat(logOf("crasher")).extracting(LogLine::msg).containsExactly("bye");
  }

  @Test
  void aServicePortThatNeverAcceptsFailsTheJobAndStopsIt() throws Exception {
    startDaemon();
    HealthCheck quick =
        new HealthCheck(
            "tcp", null, null, null, Duration.ofMillis(300).toNanos(), null, null, null, null);
    client.addJob(
        job(
            "deaf",
            List.of(new Port(0, "tcp", new Service("deaf-svc", true, quick))),
            "sh",
            "-c",
            "echo $$; exec sleep 1000"));

    ActiveJob failed = awaitEvent("deaf", HostEvent.ERROR).job();

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error())
        .startsWith("health check did not pass within 300ms: tcp 127.0.0.1:")
        .endsWith("Connection refused");
    assertThat(ProcessHandle.of(printedPid("deaf")).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
    assertThat(discoverd.calls("deaf-svc")).isEmpty();
  }

  @Test
  void closeStopsEveryJobLeavingNoProcessAndDeregistersTheHost() throws Exception {
    startDaemon();
    client.addJob(shell("family", "sleep 1000 & sleep 1000 & wait"));
    long pid = awaitEvent("family", HostEvent.START).job().pid();
    await().until(() -> liveMembers(pid).size() == 3);

    daemon.close();

    assertThat(liveMembers(pid)).isEmpty();
    assertThat(new StateFile(stateDir).load()).isEmpty();
    assertThat(discoverd.calls(HostDaemon.SERVICE))
        .extracting(FakeDiscoverd.Call::method)
        .startsWith("PUT")
        .endsWith("DELETE")
        .containsOnlyOnce("DELETE");
  }

  @Test
  void aLeftoverJobOfACrashedDaemonIsKilledOnStartButAReusedPidIsLeftAlone() throws Exception {
    Process leftover = start("setsid", "sleep", "1000");
    Process unrelated = start("sleep", "1000");
    await()
        .until(
            () -> ProcStat.read(leftover.pid()).map(s -> s.pgrp() == leftover.pid()).orElse(false));
    ProcStat leftoverStat = ProcStat.read(leftover.pid()).orElseThrow();
    ProcStat unrelatedStat = ProcStat.read(unrelated.pid()).orElseThrow();
    new StateFile(stateDir)
        .save(
            List.of(
                lost(
                    "lost",
                    new ProcessRef(leftover.pid(), leftover.pid(), leftoverStat.startTime())),
                lost(
                    "reused",
                    new ProcessRef(
                        unrelated.pid(), unrelatedStat.pgrp(), unrelatedStat.startTime() - 1))));

    startDaemon();

    await().until(() -> !leftover.isAlive());
    assertThat(unrelated.isAlive()).isTrue();
    ActiveJob lost = client.getJob("lost");
    assertThat(lost.status()).isEqualTo(JobStatus.CRASHED);
    assertThat(lost.error()).contains("restarted");
    assertThat(new StateFile(stateDir).load()).isEmpty();
    client.stopJob("lost");
    assertThat(client.getJob("lost").status()).isEqualTo(JobStatus.CRASHED);
  }

  private RunningRecord lost(String id, ProcessRef ref) {
    return new RunningRecord(shell(id, "sleep 1000"), ref, OffsetDateTime.now());
  }

  private Process start(String... command) throws IOException {
    Process p = new ProcessBuilder(command).start();
    testProcesses.add(p);
    return p;
  }

  @Test
  void followingAnAppsLogGivesTheLastLinesThenNewOnes() throws Exception {
    startDaemon();
    client.addJob(shell("first", "echo one; echo two"));
    awaitEvent("first", HostEvent.STOP);

    try (Received<LogLine> log =
        new Received<>(client.streamLog(APP, new LogQuery(1, null, null)), LogLine.class)) {
      assertThat(log.next(l -> true, WAIT).msg()).isEqualTo("two");

      client.addJob(shell("second", "echo three"));

      LogLine next = log.next(l -> true, WAIT);
      assertThat(next.msg()).isEqualTo("three");
      assertThat(next.jobId()).isEqualTo("second");
    }
  }

  @Test
  void badRequestsAreRefusedWithFlynnErrors() {
    startDaemon();
    client.addJob(job("dup", List.of(), "sleep", "1000"));

    assertThatThrownBy(() -> client.addJob(job("dup", List.of(), "sleep", "1")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThatThrownBy(() -> client.addJob(job("noargs", List.of())))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.error().field()).isEqualTo("config.args");
            });
    assertThatThrownBy(() -> client.getJob("missing"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> new HostClient(daemon.url(), "wrong").listJobs())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(client.status().id()).isEqualTo("host1");
    assertThat(client.listJobs()).extracting(j -> j.job().id()).containsExactly("dup");
  }
}
