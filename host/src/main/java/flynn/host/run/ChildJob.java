package flynn.host.run;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job running as a child process that leads its own process group: signals go to the whole group,
 * and when the leader exits the rest of the group is killed so nothing outlives the job.
 */
public final class ChildJob implements RunningJob {
  private static final Logger LOG = LoggerFactory.getLogger(ChildJob.class);

  /** How long after SIGKILL a process may take to be reaped before we give up waiting. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final String jobId;
  private final Process process;
  private final ProcessRef ref;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private static final String SETSID = Signals.executable("setsid");

  private ChildJob(String jobId, Process process, ProcessRef ref, OutputDrain output) {
    this.jobId = jobId;
    this.process = process;
    this.ref = ref;
    Thread.ofVirtual().name("job-" + jobId + "-reaper").start(() -> reap(output));
  }

  /**
   * Starts {@code launch.args()} through {@code setsid}: the child is not a group leader, so setsid
   * calls setsid(2) and execs the job in place; the job's pid is its session and group id.
   */
  public static ChildJob start(JobLaunch launch, OutputSink output) throws IOException {
    Process process = spawn(launch, false);
    return new ChildJob(
        launch.jobId(), process, ref(process), JobOutput.read(launch.jobId(), process, output));
  }

  /**
   * Starts an attachable job: stdin a pipe when asked, raw output to {@code stdio}. There is no
   * terminal here; a job that asks for one gets pipes.
   */
  public static ChildJob startAttached(JobLaunch launch, Stdio stdio) throws IOException {
    Process process = spawn(launch, stdio.stdin() || stdio.tty());
    if (!stdio.stdin() && !stdio.tty()) {
      process.getOutputStream().close();
    }
    return new ChildJob(
        launch.jobId(),
        process,
        ref(process),
        RawOutput.read(launch.jobId(), process, stdio.output()));
  }

  private static Process spawn(JobLaunch launch, boolean stdin) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(SETSID);
    command.addAll(launch.args());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(launch.workDir().toFile())
            .redirectInput(
                stdin
                    ? ProcessBuilder.Redirect.PIPE
                    : ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().clear();
    builder.environment().putAll(launch.env());
    return builder.start();
  }

  private static ProcessRef ref(Process process) {
    long pid = process.pid();
    return new ProcessRef(pid, pid, ProcStat.read(pid).map(ProcStat::startTime).orElse(-1L));
  }

  @Override
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  @Override
  public void signal(int signal) {
    if (!exit.isDone()) {
      signal(Integer.toString(signal));
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
  public void stop(Duration grace) {
    if (!process.isAlive()) {
      awaitExit(KILL_WAIT);
      return;
    }
    signal("TERM");
    if (awaitExit(grace)) {
      return;
    }
    LOG.info("job={} pid={} event=sigkill grace={}", jobId, ref.pid(), grace);
    signal("KILL");
    if (!awaitExit(KILL_WAIT)) {
      LOG.warn("job={} pid={} event=unkillable", jobId, ref.pid());
    }
  }

  private void signal(String signal) {
    // the group exists only once setsid has run; right after start, signal the leader alone
    if (!Signals.signalGroup(ref.pgid(), signal) && process.isAlive()) {
      if ("KILL".equals(signal)) {
        process.destroyForcibly();
      } else {
        process.destroy();
      }
    }
  }

  private boolean awaitExit(Duration timeout) {
    return JobOutput.awaitExit(exit, timeout);
  }

  private void reap(OutputDrain output) {
    try {
      int status = process.waitFor();
      // children the leader left behind: the group id cannot be reused while they live
      Signals.signalGroup(ref.pgid(), "KILL");
      output.drain();
      exit.complete(status);
    } catch (InterruptedException e) {
      exit.completeExceptionally(e);
    } catch (RuntimeException e) {
      LOG.error("job={} event=reaper-died error={}", jobId, e.toString());
      exit.completeExceptionally(e);
    }
  }
}
