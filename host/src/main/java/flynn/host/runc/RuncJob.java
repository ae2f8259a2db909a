package flynn.host.runc;

import flynn.host.run.JobOutput;
import flynn.host.run.OutputSink;
import flynn.host.run.ProcStat;
import flynn.host.run.ProcessRef;
import flynn.host.run.RunningJob;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job running in a runc container under a foreground {@code runc run}: its output is the
 * container's, its exit status the container's. When it ends, the OOM counter of its cgroup is
 * read, then everything the container had is torn down, and only then is the exit reported.
 */
final class RuncJob implements RunningJob {
  private static final Logger LOG = LoggerFactory.getLogger(RuncJob.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  /** What a running container needs from its runner once it ends. */
  record Context(RuncCli runc, Cgroups cgroups, ContainerTeardown teardown, String cgroupParent) {}

  private final ContainerNames names;
  private final Process process;
  private final ProcessRef ref;
  private final String ip;
  private final Context context;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private volatile boolean outOfMemory;

  private RuncJob(
      ContainerNames names, Process process, ProcessRef ref, String ip, Context context) {
    this.names = names;
    this.process = process;
    this.ref = ref;
    this.ip = ip;
    this.context = context;
  }

  static RuncJob start(
      ContainerNames names,
      Process process,
      String ip,
      Context context,
      String jobId,
      OutputSink output) {
    long pid = process.pid();
    ProcessRef ref =
        new ProcessRef(
            pid, pid, ProcStat.read(pid).map(ProcStat::startTime).orElse(-1L), names.containerId());
    RuncJob job = new RuncJob(names, process, ref, ip, context);
    JobOutput lines = JobOutput.read(jobId, process, output);
    Thread.ofVirtual().name("job-" + jobId + "-reaper").start(() -> job.reap(lines));
    return job;
  }

  @Override
  public ProcessRef process() {
    return ref;
  }

  @Override
  public CompletableFuture<Integer> exit() {
    return exit;
  }

  @Override
  public Optional<String> ip() {
    return Optional.of(ip);
  }

  @Override
  public boolean outOfMemory() {
    return outOfMemory;
  }

  @Override
  public void stop(Duration grace) {
    if (!exit.isDone()) {
      signal("TERM");
      if (awaitExit(grace)) {
        return;
      }
      LOG.info("container={} event=sigkill grace={}", names.containerId(), grace);
      signal("KILL");
    }
    if (!awaitExit(KILL_WAIT)) {
      LOG.warn("container={} event=unkillable", names.containerId());
    }
  }

  /** Through runc; before the container exists, runc run itself forwards a TERM it receives. */
  private void signal(String signal) {
    try {
      if (!context.runc().kill(names.containerId(), signal) && process.isAlive()) {
        if ("KILL".equals(signal)) {
          process.destroyForcibly();
        } else {
          process.destroy();
        }
      }
    } catch (IOException e) {
      LOG.warn(
          "container={} event=signal-failed signal={} error=\"{}\"",
          names.containerId(),
          signal,
          e.getMessage());
    }
  }

  private boolean awaitExit(Duration timeout) {
    return JobOutput.awaitExit(exit, timeout);
  }

  private void reap(JobOutput output) {
    try {
      int status = process.waitFor();
      output.drain();
      outOfMemory = oomKilled();
      context.teardown().remove(names);
      LOG.info(
          "container={} event=exited status={} oom={}", names.containerId(), status, outOfMemory);
      exit.complete(status);
    } catch (InterruptedException e) {
      exit.completeExceptionally(e);
    } catch (RuntimeException e) {
      LOG.error("container={} event=reaper-died error={}", names.containerId(), e.toString());
      exit.completeExceptionally(e);
    }
  }

  private boolean oomKilled() {
    try {
      return context.cgroups().oomKills(names.cgroupPath(context.cgroupParent())) > 0;
    } catch (IOException e) {
      LOG.warn(
          "container={} event=oom-check-failed error=\"{}\"", names.containerId(), e.getMessage());
      return false;
    }
  }
}
