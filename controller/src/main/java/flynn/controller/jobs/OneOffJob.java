package flynn.controller.jobs;

import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.ImageArtifacts;
import flynn.api.controller.ImageManifest.ImageEntrypoint;
import flynn.api.controller.Job;
import flynn.api.controller.JobIdentity;
import flynn.api.controller.JobState;
import flynn.api.controller.NewJob;
import flynn.api.controller.Release;
import flynn.api.host.ContainerConfig;
import flynn.api.host.HostJob;
import flynn.api.host.Resources;
import flynn.api.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a one-off job ({@code POST /apps/:id/jobs}) is run on a host. Pure. */
public final class OneOffJob {
  private OneOffJob() {}

  private static final ImageEntrypoint NO_IMAGE =
      new ImageEntrypoint(null, null, null, null, null, null);

  /**
   * The job for host {@code hostId}, with id {@code <hostId>-<uuid>}: in the release's image (its
   * {@code artifacts}, bottom first) when it has one, with Flynn's default resources under the
   * request's.
   */
  public static HostJob hostJob(
      App app, Release release, List<Artifact> artifacts, NewJob req, String hostId, String uuid) {
    String id = hostId + "-" + uuid;
    ImageEntrypoint image = ImageArtifacts.entrypoint(artifacts, "").orElse(NO_IMAGE);
    Map<String, String> meta = new LinkedHashMap<>();
    if (req.meta() != null) {
      meta.putAll(req.meta());
    }
    meta.putAll(JobIdentity.metadata(app, release.id(), null));
    ContainerConfig config =
        new ContainerConfig(
            args(req),
            req.tty(),
            null,
            env(app, release, req, id, image.env()),
            null,
            image.workingDir(),
            image.uid(),
            image.gid(),
            null,
            req.disableLog());
    return new HostJob(
        id,
        meta,
        Resources.withDefaults(req.resources()),
        req.partition(),
        config,
        null,
        ImageArtifacts.mountspecs(artifacts));
  }

  /** As {@link #hostJob}, for a run attached to: its stdin open for the client's input. */
  public static HostJob attachedHostJob(
      App app, Release release, List<Artifact> artifacts, NewJob req, String hostId, String uuid) {
    HostJob job = hostJob(app, release, artifacts, req, hostId, uuid);
    return new HostJob(
        job.id(),
        job.metadata(),
        job.resources(),
        job.partition(),
        job.config().withStdin(true),
        job.resurrect(),
        job.mountspecs());
  }

  /**
   * The image's env, the release's (unless {@code release_env} is false), the request's, then
   * Flynn's own.
   */
  static Map<String, String> env(
      App app, Release release, NewJob req, String jobId, Map<String, String> imageEnv) {
    Map<String, String> env = new LinkedHashMap<>();
    if (imageEnv != null) {
      env.putAll(imageEnv);
    }
    if (!Boolean.FALSE.equals(req.releaseEnv()) && release.env() != null) {
      env.putAll(release.env());
    }
    if (req.env() != null) {
      env.putAll(req.env());
    }
    env.putAll(JobIdentity.env(app, release.id(), null, jobId));
    return env;
  }

  static List<String> args(NewJob req) {
    if (req.args() != null && !req.args().isEmpty()) {
      return req.args();
    }
    List<String> args = new ArrayList<>();
    if (req.deprecatedEntrypoint() != null) {
      args.addAll(req.deprecatedEntrypoint());
    }
    if (req.deprecatedCmd() != null) {
      args.addAll(req.deprecatedCmd());
    }
    if (args.isEmpty()) {
      throw ApiException.validation("args", "a one-off job needs args (the command to run)");
    }
    return args;
  }

  /** The job as the controller records it once sent to the host. */
  public static Job recorded(App app, Release release, HostJob job, String hostId, String uuid) {
    return new Job(
        job.id(),
        uuid,
        hostId,
        app.id(),
        release.id(),
        null,
        JobState.STARTING,
        job.config().args(),
        null,
        job.metadata(),
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
