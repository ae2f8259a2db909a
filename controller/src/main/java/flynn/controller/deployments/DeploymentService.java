package flynn.controller.deployments;

import flynn.api.controller.App;
import flynn.api.controller.DeployRequest;
import flynn.api.controller.Deployment;
import flynn.api.controller.Formation;
import flynn.api.controller.Release;
import flynn.api.http.ApiException;
import flynn.controller.apps.AppLookup;
import flynn.controller.db.Ids;
import flynn.controller.db.SqlErrors;
import flynn.controller.formations.FormationStore;
import flynn.controller.releases.ReleaseService;
import flynn.controller.releases.ReleaseStore;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployments as the API sees them: created pending (the worker then runs them), or complete at
 * once when nothing runs. One deployment in progress per app, enforced by a unique index.
 */
public final class DeploymentService {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentService.class);

  private final Jdbi jdbi;

  public DeploymentService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** {@code POST /apps/:id/deploy} with the release to move the app to. */
  public Deployment create(String appKey, DeployRequest body) {
    String releaseId = body.id();
    if (releaseId == null || releaseId.isBlank()) {
      throw ApiException.validation("id", "the release id to deploy must be given");
    }
    try {
      Deployment d = jdbi.inTransaction(h -> insert(h, appKey, releaseId, body.strategy()));
      LOG.info(
          "deployment created app={} deployment={} release={} status={}",
          d.app(),
          d.id(),
          d.newRelease(),
          d.status());
      return d;
    } catch (UnableToExecuteStatementException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw alreadyRunning(appKey);
      }
      throw e;
    }
  }

  private Deployment insert(Handle h, String appKey, String releaseId, String strategy) {
    App app = AppLookup.require(h, appKey);
    ReleaseStore releases = new ReleaseStore(h);
    Release release =
        Ids.parse(releaseId)
            .flatMap(releases::find)
            .orElseThrow(
                () -> ApiException.validation("id", "could not find release with ID " + releaseId));
    Release current = app.release() == null ? null : releases.find(app.release()).orElse(null);
    Formation running =
        current == null ? null : new FormationStore(h).find(app.id(), current.id()).orElse(null);
    DeploymentStore store = new DeploymentStore(h);
    store
        .inProgress(app.id())
        .ifPresent(d -> {
          throw alreadyRunning(app.name(), d);
        });
    NewDeployment next = NewDeployment.of(Ids.random(), app, strategy, release, current, running);
    Deployment d = store.insert(next.deployment(), next.type());
    if (next.switchNow()) {
      if (current == null || !current.id().equals(release.id())) {
        ReleaseService.setCurrent(h, app, release);
      }
      DeploymentEvents.status(h, d, Deployment.COMPLETE, null);
    } else {
      DeploymentEvents.status(h, d, Deployment.PENDING, null);
    }
    return d;
  }

  private ApiException alreadyRunning(String appKey) {
    return jdbi.withHandle(h -> {
      App app = AppLookup.require(h, appKey);
      return new DeploymentStore(h)
          .inProgress(app.id())
          .map(d -> alreadyRunning(app.name(), d))
          .orElseGet(() -> alreadyRunning(app.name(), null));
    });
  }

  private static ApiException alreadyRunning(String appName, Deployment d) {
    String which = d == null ? "" : " (" + d.id() + ")";
    return ApiException.conflict(
        "a deployment of "
            + appName
            + " is already running"
            + which
            + "; wait for it to finish (flynn deployment) and deploy again");
  }

  /** {@code GET /apps/:id/deployments}: newest first. */
  public List<Deployment> list(String appKey) {
    return jdbi.withHandle(
        h -> new DeploymentStore(h).listByApp(AppLookup.require(h, appKey).id()));
  }

  /** {@code GET /deployments/:id}. */
  public Deployment get(String id) {
    return jdbi.withHandle(h ->
        Ids.parse(id)
            .flatMap(new DeploymentStore(h)::find)
            .map(DeploymentStore.Row::deployment)
            .orElseThrow(() -> ApiException.notFound("deployment", id)));
  }
}
