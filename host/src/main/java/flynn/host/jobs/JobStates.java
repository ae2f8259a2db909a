package flynn.host.jobs;

import flynn.api.host.ActiveJob;
import flynn.api.host.HostEvent;
import flynn.api.host.HostJob;
import flynn.api.host.JobStatus;
import java.time.OffsetDateTime;

/** A job's transitions as plain functions over {@link ActiveJob}s. */
final class JobStates {
  static final String LOST_IN_RESTART =
      "host daemon restarted while the job ran; its leftover process was killed";

  private JobStates() {}

  static ActiveJob created(HostJob job, String hostId, OffsetDateTime now) {
    return new ActiveJob(
        job, hostId, null, null, null, JobStatus.STARTING, now, null, null, null, null);
  }

  /** The job's process exists; {@code ip} is its own address, or null on the host network. */
  static ActiveJob processStarted(ActiveJob a, long pid, String ip) {
    return new ActiveJob(
        a.job(),
        a.hostId(),
        ip,
        (int) pid,
        a.forceStop(),
        a.status(),
        a.createdAt(),
        a.startedAt(),
        a.endedAt(),
        a.exitStatus(),
        a.error());
  }

  static ActiveJob running(ActiveJob a, OffsetDateTime now) {
    return new ActiveJob(
        a.job(),
        a.hostId(),
        a.internalIp(),
        a.pid(),
        a.forceStop(),
        JobStatus.RUNNING,
        a.createdAt(),
        now,
        null,
        null,
        null);
  }

  /**
   * The job's process exited: done for status 0 or a stop that was asked for (the exit status still
   * says how it ended), crashed otherwise.
   */
  static ActiveJob exited(ActiveJob a, int exitStatus, boolean stopRequested, OffsetDateTime now) {
    JobStatus status = exitStatus == 0 || stopRequested ? JobStatus.DONE : JobStatus.CRASHED;
    return new ActiveJob(
        a.job(),
        a.hostId(),
        a.internalIp(),
        null,
        stopRequested ? Boolean.TRUE : null,
        status,
        a.createdAt(),
        a.startedAt(),
        now,
        exitStatus,
        null);
  }

  /**
   * The kernel killed the job for exceeding its memory limit: crashed, whatever else was asked,
   * with an error that says so (shown as "exited 137: out of memory").
   */
  static ActiveJob outOfMemory(ActiveJob exited) {
    return new ActiveJob(
        exited.job(),
        exited.hostId(),
        exited.internalIp(),
        exited.pid(),
        exited.forceStop(),
        JobStatus.CRASHED,
        exited.createdAt(),
        exited.startedAt(),
        exited.endedAt(),
        exited.exitStatus(),
        "out of memory");
  }

  /**
   * A crashed job's error says why: {@code report} (its last output lines, or that the host killed
   * it); other jobs, and a blank report, leave it as is.
   */
  static ActiveJob withCrashReport(ActiveJob exited, String report) {
    if (exited.status() != JobStatus.CRASHED || report == null || report.isBlank()) {
      return exited;
    }
    return new ActiveJob(
        exited.job(),
        exited.hostId(),
        exited.internalIp(),
        exited.pid(),
        exited.forceStop(),
        exited.status(),
        exited.createdAt(),
        exited.startedAt(),
        exited.endedAt(),
        exited.exitStatus(),
        report);
  }

  static ActiveJob failed(ActiveJob a, String error, OffsetDateTime now) {
    return new ActiveJob(
        a.job(),
        a.hostId(),
        a.internalIp(),
        null,
        a.forceStop(),
        JobStatus.FAILED,
        a.createdAt(),
        a.startedAt(),
        now,
        a.exitStatus(),
        error);
  }

  /** A job a crashed daemon left running, as the next daemon reports it. */
  static ActiveJob lostInRestart(
      HostJob job, String hostId, OffsetDateTime createdAt, OffsetDateTime now) {
    return new ActiveJob(
        job,
        hostId,
        null,
        null,
        null,
        JobStatus.CRASHED,
        createdAt,
        null,
        now,
        null,
        LOST_IN_RESTART);
  }

  /** The host event that announces a job reaching {@code a}'s status. */
  static String eventFor(ActiveJob a) {
    return switch (a.status()) {
      case STARTING -> a.pid() == null ? HostEvent.CREATE : null;
      case RUNNING -> HostEvent.START;
      case DONE, CRASHED -> HostEvent.STOP;
      case FAILED -> HostEvent.ERROR;
    };
  }

  /** The word a log line uses for the status: the controller's job states. */
  static String stateLabel(ActiveJob a) {
    return switch (a.status()) {
      case STARTING -> "starting";
      case RUNNING -> "up";
      case DONE -> "down";
      case CRASHED -> "crashed";
      case FAILED -> "failed";
    };
  }
}
