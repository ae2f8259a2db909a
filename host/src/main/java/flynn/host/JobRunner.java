package flynn.host;

import flynn.host.run.JobLaunch;
import flynn.host.run.OutputSink;
import flynn.host.run.ProcessRef;
import flynn.host.run.RunningJob;
import flynn.host.run.Stdio;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs jobs on this machine: the seam between the daemon's job lifecycle and the way a job is
 * executed (a plain process group today, a runc container later). Ports, env and the working
 * directory are resolved by the daemon; a runner only executes, reports output and exit.
 */
public interface JobRunner {
  /**
   * Starts a job and returns once its process exists; its stdout and stderr lines go to {@code
   * output}.
   *
   * @throws IOException when the job cannot be started at all
   */
  RunningJob start(JobLaunch launch, OutputSink output) throws IOException;

  /**
   * Starts a job that can be attached to: its raw output goes to {@code stdio.output()}, its stdin
   * is a pipe when asked, and it runs on a terminal when {@code stdio.tty()} and the runner has
   * them. Runners that cannot attach refuse jobs that need it.
   */
  default RunningJob start(JobLaunch launch, Stdio stdio) throws IOException {
    throw new IOException(getClass().getSimpleName() + " cannot run attached jobs");
  }

  /**
   * Ends what is left of a job a previous daemon started and lost track of (the daemon crashed).
   * Must leave alone any process that is not provably the job's.
   *
   * @return true when something was killed
   */
  boolean killLeftover(ProcessRef process);

  /**
   * True when jobs run in the host's network namespace, so each of their ports must be a free host
   * port rather than the one the release asks for.
   */
  boolean sharesHostNetwork();

  /**
   * What every job's env starts from, below the job's own: by default the daemon's own PATH, HOME
   * and LANG, which is right for jobs that run on the host's files.
   */
  default Map<String, String> baseEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : new String[] {"PATH", "HOME", "LANG"}) {
      String value = System.getenv(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    return env;
  }
}
