package flynn.host.jobs;

import flynn.api.host.ActiveJob;
import flynn.api.host.HostJob;
import flynn.api.host.Port;
import flynn.host.attach.JobConsole;
import flynn.host.discovery.Registrar.Registration;
import flynn.host.logs.JobLog;
import flynn.host.run.JobLaunch;
import flynn.host.run.JobLimits;
import flynn.host.run.OutputSink;
import flynn.host.run.OutputTail;
import flynn.host.run.RawLines;
import flynn.host.run.RunningJob;
import flynn.host.run.Stdio;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's life on its own thread: start the process, bring its service ports up (health check,
 * discoverd, routers; see {@link JobServices}), announce it up, watch its health until the exit,
 * deregister, announce the stop (a crash with its last lines).
 */
final class JobRun implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

  /** Where a job on the host network is reached. */
  private static final String LOOPBACK = "127.0.0.1";

  private final Jobs jobs;
  private final JobEntry entry;
  private final JobLabels labels;
  private final JobConsole console;
  private final OutputTail tail = new OutputTail(OutputTail.LINES);

  JobRun(Jobs jobs, JobEntry entry) {
    this.jobs = jobs;
    this.entry = entry;
    this.labels = JobLabels.of(entry.current().job());
    this.console = jobs.consoleOf(labels.jobId());
  }

  @Override
  public void run() {
    try {
      runJob();
    } catch (IOException | RuntimeException e) {
      LOG.error("job={} event=run-failed", labels.jobId(), e);
      endProcess();
      fail("cannot run job: " + e.getMessage());
    } finally {
      try {
        jobs.persist();
      } catch (RuntimeException e) {
        LOG.error("job={} event=persist-failed error={}", labels.jobId(), e.getMessage());
      } finally {
        HostJob job = entry.current().job();
        jobs.volumes().released(job.id(), job.config().volumesOrEmpty());
        entry.finished().complete(null);
        jobs.forgetConsole(labels.jobId());
      }
    }
  }

  /** After an unexpected error, makes sure the job's process does not run on unwatched. */
  private void endProcess() {
    closeRegistrations();
    RunningJob running = entry.running();
    if (running != null && !running.exit().isDone()) {
      running.stop(jobs.stopGraceOf(entry));
    }
  }

  private void runJob() throws IOException {
    HostJob job = entry.current().job();
    RunningJob running = start(job);
    if (!entry.attach(running)) {
      running.stop(jobs.stopGraceOf(entry));
    }
    jobs.table()
        .transition(
            entry,
            JobStates.processStarted(
                entry.current(), running.process().pid(), running.ip().orElse(null)));
    jobs.persist();
    // closed before the exit is announced (no health monitor outlives the job), and again at the
    // end in case bringing it up threw
    JobServices services =
        new JobServices(jobs, entry, labels, running, running.ip().orElse(LOOPBACK));
    try {
      if (!entry.stopRequested()) {
        JobServices.Outcome outcome = services.bringUp();
        if (outcome.failure() != null) {
          running.stop(jobs.stopGraceOf(entry));
          closeRegistrations();
          fail(outcome.failure());
          return;
        }
        if (outcome.up()) {
          transition(JobStates.running(entry.current(), now()));
          services.watch();
        }
      }
      int status = running.exit().join();
      services.close();
      console.exited(status);
      closeRegistrations();
      transition(ended(status, running));
    } finally {
      services.close();
    }
  }

  /** How the job ended: done, or crashed with why (out of memory, unhealthy, its last lines). */
  private ActiveJob ended(int status, RunningJob running) {
    ActiveJob exited = JobStates.exited(entry.current(), status, entry.stopRequested(), now());
    if (running.outOfMemory()) {
      return JobStates.outOfMemory(exited);
    }
    String unhealthy = entry.unhealthy();
    return JobStates.withCrashReport(
        exited, unhealthy != null ? "killed: " + unhealthy : tail.text());
  }

  /**
   * Starts the job's process; one with a TTY or stdin runs attachable, its raw output to its
   * console and, as lines, to the log. Clients waiting on the console hear it start first.
   */
  private RunningJob start(HostJob job) throws IOException {
    OutputSink log = output(job);
    console.starting();
    boolean tty = Boolean.TRUE.equals(job.config().tty());
    boolean stdin = Boolean.TRUE.equals(job.config().stdin());
    RunningJob running;
    if (tty || stdin) {
      RawLines lines = new RawLines(log);
      int[] size = console.size();
      Stdio stdio =
          new Stdio(
              tty,
              stdin,
              size[0],
              size[1],
              (stream, bytes, length) -> {
                console.output(stream, bytes, length);
                lines.write(stream, bytes, length);
              });
      running = jobs.runner().start(launch(job), stdio);
      running.exit().whenComplete((status, e) -> lines.flush());
    } else {
      running = jobs.runner().start(launch(job), teeToConsole(log));
    }
    console.started(running);
    return running;
  }

  /** Lines of a job that is not attachable still reach clients that attach to watch it. */
  private OutputSink teeToConsole(OutputSink log) {
    return (stream, line) -> {
      log.line(stream, line);
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      console.output(stream, bytes, bytes.length);
    };
  }

  private void closeRegistrations() {
    entry.takeRegistrations().forEach(Registration::close);
  }

  private JobLaunch launch(HostJob job) throws IOException {
    Path dir = jobs.settings().jobsDir().resolve(job.id());
    Files.createDirectories(dir);
    List<Integer> ports = portsOf(job).stream().map(Port::port).toList();
    Map<String, String> env = JobPorts.processEnv(jobs.settings().baseEnv(), job.config().env());
    return new JobLaunch(
        job.id(),
        job.config().args(),
        env,
        dir,
        ports,
        JobLimits.of(job.resources()),
        job.config().workingDir(),
        jobs.images().layers(job.imageLayers()),
        job.config().uid(),
        job.config().gid(),
        jobs.volumes().attach(job.id(), job.config().volumesOrEmpty(), volumeMeta()));
  }

  /** What a volume made for this job is for: its app and process type. */
  private Map<String, String> volumeMeta() {
    Map<String, String> meta = new java.util.HashMap<>();
    if (labels.appId() != null) {
      meta.put("app", labels.appId());
    }
    if (labels.processType() != null) {
      meta.put("type", labels.processType());
    }
    return meta;
  }

  private OutputSink output(HostJob job) {
    if (Boolean.TRUE.equals(job.config().disableLog())) {
      return (stream, line) -> {};
    }
    JobLog log =
        new JobLog(
            jobs.logs(),
            jobs.settings().clock(),
            labels.logName(),
            jobs.settings().hostId(),
            labels.jobId(),
            labels.processType());
    return (stream, line) -> {
      log.line(stream, line);
      tail.line(stream, line);
    };
  }

  private void fail(String error) {
    console.failed(error);
    transition(JobStates.failed(entry.current(), error, now()));
  }

  private void transition(ActiveJob next) {
    jobs.table().transition(entry, next);
    LOG.info(
        "job={} app={} type={} state={} port={} exit_status={} error=\"{}\"",
        labels.jobId(),
        labels.appId(),
        labels.processType(),
        JobStates.stateLabel(next),
        portsOf(next.job()).stream().map(p -> Integer.toString(p.port())).findFirst().orElse("-"),
        next.exitStatus() == null ? "-" : next.exitStatus(),
        next.error() == null ? "" : next.error());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(jobs.settings().clock());
  }

  private static List<Port> portsOf(HostJob job) {
    return job.config().ports() == null ? List.of() : job.config().ports();
  }
}
