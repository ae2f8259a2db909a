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
import flynn.api.host.Mountspec;
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

  /** Where a slug's app is (its entries are {@code app/...}): a run in a stack starts there. */
  static final String SLUG_APP_DIR = "/app";

  /**
   * The job for host {@code hostId}, with id {@code <hostId>-<uuid>}: in its {@code artifacts}
   * (bottom first; the request's, else the release's) when it has any, with Flynn's default
   * resources under the request's. {@code release} is null for a job run in artifacts alone (a
   * first build: the app has no release yet).
   */
  public static HostJob hostJob(
      App app, Release release, List<Artifact> artifacts, NewJob req, String hostId, String uuid) {
    String id = hostId + "-" + uuid;
    ImageEntrypoint image = ImageArtifacts.entrypoint(artifacts, "").orElse(NO_IMAGE);
    Map<String, String> meta = new LinkedHashMap<>();
    if (req.meta() != null) {
      meta.putAll(req.meta());
    }
    meta.putAll(JobIdentity.metadata(app, idOf(release), null));
    ContainerConfig config =
        new ContainerConfig(
            args(req),
            req.tty(),
            null,
            env(app, release, req, id, image.env()),
            null,
            workingDir(image, artifacts),
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
   * The image's env, the release's (unless {@code release_env} is false or there is none), the
   * request's, then Flynn's own.
   */
  static Map<String, String> env(
      App app, Release release, NewJob req, String jobId, Map<String, String> imageEnv) {
    Map<String, String> env = new LinkedHashMap<>();
    if (imageEnv != null) {
      env.putAll(imageEnv);
    }
    if (release != null && !Boolean.FALSE.equals(req.releaseEnv()) && release.env() != null) {
      env.putAll(release.env());
    }
    if (req.env() != null) {
      env.putAll(req.env());
    }
    env.putAll(JobIdentity.env(app, idOf(release), null, jobId));
    return env;
  }

  /**
   * The artifact ids a one-off job runs in: the request's (Flynn's {@code artifacts}), else its
   * release's; a job needs one or the other.
   */
  public static List<String> artifactIds(NewJob req, Release release) {
    if (req.artifacts() != null && !req.artifacts().isEmpty()) {
      return req.artifacts();
    }
    if (release == null) {
      throw ApiException.validation(
          "release", "a one-off job needs a release, or artifacts to run in");
    }
    return release.artifacts() == null ? List.of() : release.artifacts();
  }

  /** The image's, else {@code /app} for a job in a stack (a build, or a slug app's one-off). */
  static String workingDir(ImageEntrypoint image, List<Artifact> artifacts) {
    if (image.workingDir() != null) {
      return image.workingDir();
    }
    boolean inStack =
        ImageArtifacts.mountspecs(artifacts).stream()
            .anyMatch(m -> Mountspec.TYPE_STACK.equals(m.type()));
    return inStack ? SLUG_APP_DIR : null;
  }

  private static String idOf(Release release) {
    return release == null ? null : release.id();
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
        idOf(release),
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
