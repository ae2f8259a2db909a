package flynn.cli.deploy;

import flynn.api.controller.App;
import flynn.api.controller.DeployFailedException;
import flynn.api.controller.DeployProgress;
import flynn.api.controller.DeployWatch;
import flynn.api.controller.Release;
import flynn.cli.Session;

/**
 * Every config change ends here: a release is created and deployed through the controller's
 * deployer with the app's strategy, printing its progress; a failed deploy prints the deployer's
 * reason and exits 1 (the app stays on its release).
 */
public final class ReleaseDeploy {
  public static final int FAILED = 1;

  private ReleaseDeploy() {}

  /** Creates {@code release} for {@code app}, deploys it and says so; returns the exit code. */
  public static int createAndDeploy(Session session, App app, Release release) {
    Release created = create(session, app, release);
    int exit = deploy(session, app, created.id(), null);
    if (exit == 0) {
      session.info("Created release " + created.id() + ".");
    }
    return exit;
  }

  /** Creates {@code release} (a copy without id) for {@code app}; answers it with its id. */
  public static Release create(Session session, App app, Release release) {
    return session.client().releases().create(withApp(release, app.id()));
  }

  /**
   * Deploys an existing release with {@code strategy}, or the app's when null.
   *
   * @return 0 when the deployment completed, {@link #FAILED} when it failed
   */
  public static int deploy(Session session, App app, String releaseId, String strategy) {
    session.info("=====> Deploying release " + releaseId);
    try {
      new DeployWatch(session.client())
          .deploy(
              app.id(),
              releaseId,
              strategy,
              event -> DeployProgress.line(event).ifPresent(session::info));
    } catch (DeployFailedException e) {
      session.info("! Deploy failed: " + e.getMessage());
      return FAILED;
    }
    session.info("=====> Release deployed");
    return 0;
  }

  static Release withApp(Release r, String appId) {
    return new Release(
        null, appId, r.artifacts(), r.env(), r.meta(), r.processes(), null, r.legacyArtifact());
  }
}
