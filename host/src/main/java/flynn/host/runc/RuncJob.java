package flynn.host.runc;

import flynn.host.run.JobOutput;
import flynn.host.run.OutputDrain;
import flynn.host.run.OutputSink;
import flynn.host.run.ProcStat;
import flynn.host.run.ProcessRef;
import flynn.host.run.RawOutput;
import flynn.host.run.RunningJob;
import flynn.host.run.Stdio;
import java.io.IOException;
import java.io.OutputStream;
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
  private static final Duration RESIZE_REPEAT = Duration.ofMillis(250);

  /** What a running container needs from its runner once it ends. */
  record Context(RuncCli runc, Cgroups cgroups, ContainerTeardown teardown, String cgroupParent) {}

  private final ContainerNames names;
  private final Process process;
  private final ProcessRef ref;
  private final String ip;
  private final Context context;
  private final Pty terminal;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private volatile boolean outOfMemory;

  private RuncJob(
      ContainerNames names,
      Process process,
      ProcessRef ref,
      String ip,
      Context context,
      Pty terminal) {
    this.names = names;
    this.process = process;
    this.ref = ref;
    this.ip = ip;
    this.context = context;
    this.terminal = terminal;
  }

  static RuncJob start(
      ContainerNames names,
      Process process,
      String ip,
      Context context,
      String jobId,
      OutputSink output) {
    return begin(names, process, ip, context, jobId, null, JobOutput.read(jobId, process, output));
  }

  /** A job started for attaching: its raw output from {@code terminal}, or from runc's pipes. */
  static RuncJob startAttached(
      ContainerNames names,
      Process process,
      String ip,
      Context context,
      String jobId,
      Pty terminal,
      Stdio.RawSink output) {
    OutputDrain drain =
        terminal == null
            ? RawOutput.read(jobId, process, output)
            : RawOutput.readTerminal(jobId, terminal.input(), output);
    return begin(names, process, ip, context, jobId, terminal, drain);
  }

  private static RuncJob begin(
      ContainerNames names,
      Process process,
      String ip,
      Context context,
      String jobId,
      Pty terminal,
      OutputDrain drain) {
    long pid = process.pid();
    ProcessRef ref =
        new ProcessRef(
            pid, pid, ProcStat.read(pid).map(ProcStat::startTime).orElse(-1L), names.containerId());
    RuncJob job = new RuncJob(names, process, ref, ip, context, terminal);
    Thread.ofVirtual().name("job-" + jobId + "-reaper").start(() -> job.reap(drain));
    return job;
  }

  @Override
  public OutputStream stdin() {
    return terminal != null ? terminal.output() : process.getOutputStream();
  }

  @Override
  public void signal(int signal) {
    if (!exit.isDone()) {
      signal(Integer.toString(signal));
    }
  }

  /** The new size goes on our terminal; runc, told by SIGWINCH, passes it to the container's. */
  @Override
  public void resize(int height, int width) {
    if (terminal == null || exit.isDone()) {
      return;
    }
    try {
      terminal.resize(height, width);
      Pty.kill(process.pid(), Pty.SIGWINCH);
      Thread.ofVirtual().name("job-" + names.containerId() + "-resize").start(this::resizeAgain);
    } catch (IOException e) {
      LOG.warn(
          "container={} event=resize-failed error=\"{}\"", names.containerId(), e.getMessage());
    }
  }

  /**
   * runc copies our terminal's size to the container's on SIGWINCH, but during its first
   * milliseconds (before its handler is installed, or before the container's terminal exists) one
   * is lost; a second, later, costs nothing when the first arrived.
   */
  private void resizeAgain() {
    if (!JobOutput.awaitExit(exit, RESIZE_REPEAT)) {
      try {
        Pty.kill(process.pid(), Pty.SIGWINCH);
      } catch (IOException e) {
        LOG.debug("container={} event=resize-repeat-failed", names.containerId());
      }
    }
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

  private void reap(OutputDrain output) {
    try {
      int status = process.waitFor();
      output.drain();
      if (terminal != null) {
        terminal.close();
      }
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
