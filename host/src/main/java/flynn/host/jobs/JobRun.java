package flynn.host.jobs;

import flynn.api.discoverd.Instance;
import flynn.api.host.ActiveJob;
import flynn.api.host.HostJob;
import flynn.api.host.Port;
import flynn.api.http.ApiException;
import flynn.host.attach.JobConsole;
import flynn.host.discovery.Registrar.Registration;
import flynn.host.logs.JobLog;
import flynn.host.run.JobLaunch;
import flynn.host.run.JobLimits;
import flynn.host.run.OutputSink;
import flynn.host.run.RawLines;
import flynn.host.run.RunningJob;
import flynn.host.run.Stdio;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's life on its own thread: start the process, wait for its service ports to accept,
 * register them in discoverd, announce it up, wait for the exit, deregister, announce the stop.
 */
final class JobRun implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

  /** Where a job on the host network is reached. */
  private static final String LOOPBACK = "127.0.0.1";

  private final Jobs jobs;
  private final JobEntry entry;
  private final JobLabels labels;
  private final JobConsole console;

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
      running.stop(jobs.settings().stopGrace());
    }
  }

  private void runJob() throws IOException {
    HostJob job = entry.current().job();
    RunningJob running = start(job);
    if (!entry.attach(running)) {
      running.stop(jobs.settings().stopGrace());
    }
    jobs.table()
        .transition(
            entry,
            JobStates.processStarted(
                entry.current(), running.process().pid(), running.ip().orElse(null)));
    jobs.persist();
    if (!entry.stopRequested()) {
      String failure = bringUp(job, running);
      if (failure != null) {
        running.stop(jobs.settings().stopGrace());
        closeRegistrations();
        fail(failure);
        return;
      }
    }
    int status = running.exit().join();
    console.exited(status);
    closeRegistrations();
    ActiveJob exited = JobStates.exited(entry.current(), status, entry.stopRequested(), now());
    transition(running.outOfMemory() ? JobStates.outOfMemory(exited) : exited);
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

  /** Waits for the service ports and registers them; the reason it could not, or null. */
  private String bringUp(HostJob job, RunningJob running) {
    String address = running.ip().orElse(LOOPBACK);
    List<Port> services = servicePorts(job);
    for (Port port : services) {
      Duration timeout =
          port.service().check() == null
              ? Duration.ofSeconds(10)
              : port.service().check().startTimeoutOrDefault();
      if (!PortProbe.awaitOpen(address, port.port(), timeout, running.exit())) {
        if (running.exit().isDone() || entry.stopRequested()) {
          return null;
        }
        return "port "
            + address
            + ":"
            + port.port()
            + " did not accept TCP connections within "
            + timeout;
      }
    }
    for (Port port : services) {
      String failure = register(address, port);
      if (failure != null) {
        return failure;
      }
    }
    if (!entry.stopRequested()) {
      transition(JobStates.running(entry.current(), now()));
    }
    return null;
  }

  private String register(String address, Port port) {
    String service = port.service().name();
    Instance instance =
        Instance.of(port.proto(), address + ":" + port.port(), labels.instanceMeta());
    try {
      Registration registration = jobs.registrar().register(service, instance);
      if (!entry.keep(registration, instance.addr())) {
        registration.close();
      }
      return null;
    } catch (ApiException e) {
      return "cannot register in discoverd service " + service + ": " + e.getMessage();
    }
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
        job.config().gid());
  }

  private OutputSink output(HostJob job) {
    if (Boolean.TRUE.equals(job.config().disableLog())) {
      return (stream, line) -> {};
    }
    return new JobLog(
        jobs.logs(),
        jobs.settings().clock(),
        labels.logName(),
        jobs.settings().hostId(),
        labels.jobId(),
        labels.processType());
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

  private static List<Port> servicePorts(HostJob job) {
    return portsOf(job).stream()
        .filter(p -> p.service() != null && p.service().name() != null)
        .filter(p -> "tcp".equals(p.proto()))
        .toList();
  }
}
