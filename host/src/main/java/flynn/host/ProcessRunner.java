package flynn.host;

import flynn.host.run.ChildJob;
import flynn.host.run.JobLaunch;
import flynn.host.run.Leftovers;
import flynn.host.run.OutputSink;
import flynn.host.run.ProcessRef;
import flynn.host.run.RunningJob;
import flynn.host.run.Stdio;
import flynn.host.volumes.VolumeLinks;
import java.io.IOException;

/**
 * Runs each job as a plain child process on the host, in its own session and process group (started
 * through util-linux {@code setsid}), so the job and everything it forks can be signalled at once.
 * Used for releases without an artifact, and until containers arrive. A job's volumes are symlinks
 * in its working directory (see {@link VolumeLinks}).
 */
public final class ProcessRunner implements JobRunner {
  @Override
  public RunningJob start(JobLaunch launch, OutputSink output) throws IOException {
    VolumeLinks.link(launch.workDir(), launch.volumes());
    return ChildJob.start(launch, output);
  }

  @Override
  public RunningJob start(JobLaunch launch, Stdio stdio) throws IOException {
    VolumeLinks.link(launch.workDir(), launch.volumes());
    return ChildJob.startAttached(launch, stdio);
  }

  @Override
  public boolean killLeftover(ProcessRef process) {
    return Leftovers.kill(process);
  }

  @Override
  public boolean sharesHostNetwork() {
    return true;
  }
}
