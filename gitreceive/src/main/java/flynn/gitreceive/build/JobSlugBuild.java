package flynn.gitreceive.build;

import flynn.api.controller.App;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.api.controller.NewJob;
import flynn.api.controller.SlugArtifacts;
import flynn.api.http.ApiException;
import flynn.api.http.UpgradedConnection;
import flynn.builder.BuildInput;
import flynn.builder.BuildRequest;
import flynn.builder.BuildResult;
import flynn.gitreceive.push.PushFailedException;
import flynn.gitreceive.push.PushLog;
import flynn.gitreceive.release.StackArtifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds in a one-off job of the app, run attached through the controller in the build stack. */
public final class JobSlugBuild implements SlugBuild {
  private static final Logger LOG = LoggerFactory.getLogger(JobSlugBuild.class);

  private final ControllerClient controller;
  private final StackArtifacts stacks;
  private final BuildSettings settings;
  private final Clock clock;

  public JobSlugBuild(
      ControllerClient controller, StackArtifacts stacks, BuildSettings settings, Clock clock) {
    this.controller = controller;
    this.stacks = stacks;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public BuildResult build(
      App app, String currentRelease, BuildRequest request, Path outputDir, PushLog log) {
    NewJob job = newJob(currentRelease, request);
    String name = app.name() + "-" + request.sourceVersion().substring(0, 7);
    try (UpgradedConnection conn = controller.jobs().runAttached(app.id(), job)) {
      return new AttachedBuild(conn, log, name, clock).run(request, outputDir, settings.timeout());
    } catch (PushFailedException e) {
      killLeftovers(app, request.sourceVersion());
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("the build job's stream broke", e);
    }
  }

  private NewJob newJob(String currentRelease, BuildRequest request) {
    try {
      return BuildJobSpec.newJob(
          currentRelease,
          stacks.id(SlugArtifacts.STACK_BUILD),
          BuildInput.command(),
          request.env(),
          request.sourceVersion(),
          settings);
    } catch (IllegalArgumentException e) {
      throw new PushFailedException(e.getMessage(), e);
    }
  }

  /** A stopped build's job, should the kill signal not have reached it. */
  private void killLeftovers(App app, String commit) {
    try {
      for (Job job : controller.jobs().list(app.id())) {
        Map<String, String> meta = job.meta() == null ? Map.of() : job.meta();
        if (commit.equals(meta.get(BuildJobSpec.META_BUILD))
            && JobState.isActive(job.state())
            && job.hostId() != null) {
          controller.jobs().kill(app.id(), job.id());
          LOG.info("killed build job app={} job={}", app.name(), job.id());
        }
      }
    } catch (ApiException e) {
      LOG.warn("could not kill the build job app={} reason={}", app.name(), e.getMessage());
    }
  }
}
