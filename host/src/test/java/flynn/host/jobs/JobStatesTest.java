package flynn.host.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.host.ActiveJob;
import flynn.api.host.ContainerConfig;
import flynn.api.host.HostEvent;
import flynn.api.host.HostJob;
import flynn.api.host.JobStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobStatesTest {
  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  private static final OffsetDateTime T1 = T0.plusSeconds(1);
  private static final OffsetDateTime T2 = T0.plusSeconds(2);

  static HostJob job(String id, String app) {
    ContainerConfig config =
        new ContainerConfig(
            List.of("true"), null, null, Map.of(), List.of(), null, null, null, null, null);
    return new HostJob(id, Map.of(HostJob.META_APP, app), null, null, config, null);
  }

  private final ActiveJob created = JobStates.created(job("j1", "a1"), "h1", T0);
  private final ActiveJob up = JobStates.running(JobStates.processStarted(created, 42, null), T1);

  @Test
  void aNewJobIsStartingAndAnnouncedAsCreate() {
    assertThat(created.status()).isEqualTo(JobStatus.STARTING);
    assertThat(created.hostId()).isEqualTo("h1");
    assertThat(created.createdAt()).isEqualTo(T0);
    assertThat(JobStates.eventFor(created)).isEqualTo(HostEvent.CREATE);
  }

  @Test
  void aStartedProcessIsNotAnEventUntilTheJobIsUp() {
    ActiveJob started = JobStates.processStarted(created, 42, null);

    assertThat(started.pid()).isEqualTo(42);
    assertThat(started.internalIp()).isNull();
    assertThat(JobStates.eventFor(started)).isNull();
    assertThat(up.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(up.startedAt()).isEqualTo(T1);
    assertThat(JobStates.eventFor(up)).isEqualTo(HostEvent.START);
    assertThat(JobStates.stateLabel(up)).isEqualTo("up");
  }

  @Test
  void aJobWithItsOwnAddressCarriesItAsInternalIpUntilItEnds() {
    ActiveJob started = JobStates.processStarted(created, 42, "100.100.0.7");
    ActiveJob running = JobStates.running(started, T1);

    assertThat(started.internalIp()).isEqualTo("100.100.0.7");
    assertThat(running.internalIp()).isEqualTo("100.100.0.7");
    assertThat(JobStates.exited(running, 0, false, T2).internalIp()).isEqualTo("100.100.0.7");
  }

  @Test
  void exitZeroIsDone() {
    ActiveJob down = JobStates.exited(up, 0, false, T2);

    assertThat(down.status()).isEqualTo(JobStatus.DONE);
    assertThat(down.exitStatus()).isZero();
    assertThat(down.pid()).isNull();
    assertThat(down.endedAt()).isEqualTo(T2);
    assertThat(JobStates.eventFor(down)).isEqualTo(HostEvent.STOP);
  }

  @Test
  void aNonZeroExitIsACrashWithItsStatus() {
    ActiveJob crashed = JobStates.exited(up, 3, false, T2);

    assertThat(crashed.status()).isEqualTo(JobStatus.CRASHED);
    assertThat(crashed.exitStatus()).isEqualTo(3);
    assertThat(JobStates.eventFor(crashed)).isEqualTo(HostEvent.STOP);
  }

  @Test
  void aCrashCarriesItsReportAndOtherEndsDoNot() {
    ActiveJob crashed = JobStates.withCrashReport(JobStates.exited(up, 3, false, T2), "boom\nbye");
    ActiveJob stopped = JobStates.withCrashReport(JobStates.exited(up, 143, true, T2), "bye");
    ActiveJob silent = JobStates.withCrashReport(JobStates.exited(up, 3, false, T2), "");

    assertThat(crashed.error()).isEqualTo("boom\nbye");
    assertThat(crashed.exitStatus()).isEqualTo(3);
    assertThat(stopped.error()).isNull();
    assertThat(silent.error()).isNull();
  }

  @Test
  void anOutOfMemoryKillIsACrashThatSaysSo() {
    ActiveJob killed = JobStates.outOfMemory(JobStates.exited(up, 137, false, T2));

    assertThat(killed.status()).isEqualTo(JobStatus.CRASHED);
    assertThat(killed.exitStatus()).isEqualTo(137);
    assertThat(killed.error()).isEqualTo("out of memory");
    assertThat(killed.endedAt()).isEqualTo(T2);
  }

  @Test
  void aRequestedStopIsDoneAndKeepsTheSignalExitStatus() {
    ActiveJob stopped = JobStates.exited(up, 143, true, T2);

    assertThat(stopped.status()).isEqualTo(JobStatus.DONE);
    assertThat(stopped.exitStatus()).isEqualTo(143);
    assertThat(stopped.forceStop()).isTrue();
  }

  @Test
  void aFailureCarriesItsErrorAndIsAnnouncedAsError() {
    ActiveJob failed = JobStates.failed(up, "port 5000 did not accept", T2);

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error()).isEqualTo("port 5000 did not accept");
    assertThat(JobStates.eventFor(failed)).isEqualTo(HostEvent.ERROR);
  }

  @Test
  void aJobLostInADaemonCrashIsReportedCrashedWithWhy() {
    ActiveJob lost = JobStates.lostInRestart(job("j1", "a1"), "h1", T0, T2);

    assertThat(lost.status()).isEqualTo(JobStatus.CRASHED);
    assertThat(lost.error()).isEqualTo(JobStates.LOST_IN_RESTART);
    assertThat(lost.createdAt()).isEqualTo(T0);
  }
}
