package flynn.controller.releases;

import flynn.api.controller.App;
import flynn.api.controller.AppRelease;
import flynn.api.controller.Event;
import flynn.api.controller.Release;
import flynn.api.http.ApiException;
import flynn.controller.apps.AppLookup;
import flynn.controller.apps.AppStore;
import flynn.controller.artifacts.ArtifactStore;
import flynn.controller.db.Ids;
import flynn.controller.events.EventStore;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Creates releases and sets an app's current one. */
public final class ReleaseService {
  private final Jdbi jdbi;

  public ReleaseService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Release create(Release body) {
    Release r = ReleaseRules.normalize(body);
    String id = r.id() == null ? Ids.random() : Ids.require("id", r.id());
    String appId = r.appId() == null ? null : Ids.require("app_id", r.appId());
    Release toStore =
        new Release(id, appId, r.artifacts(), r.env(), r.meta(), r.processes(), null, null);
    return jdbi.inTransaction(h -> {
      checkReferences(h, toStore);
      Release created = new ReleaseStore(h).insert(toStore);
      new EventStore(h).append(appId, Event.RELEASE, id, created);
      return created;
    });
  }

  private static void checkReferences(Handle h, Release r) {
    if (r.appId() != null && !new AppStore(h).exists(r.appId())) {
      throw ApiException.validation("app_id", "app not found: " + r.appId());
    }
    ArtifactStore artifacts = new ArtifactStore(h);
    for (String artifact : r.artifacts()) {
      if (!Ids.isUuid(artifact) || artifacts.find(artifact).isEmpty()) {
        throw ApiException.validation("artifacts", "artifact not found: " + artifact);
      }
    }
    if (new ReleaseStore(h).find(r.id()).isPresent()) {
      throw ApiException.exists("release " + r.id() + " already exists");
    }
  }

  public Release get(String id) {
    return jdbi.withHandle(h -> require(h, id));
  }

  public static Release require(Handle h, String id) {
    return new ReleaseStore(h).find(id).orElseThrow(() -> ApiException.notFound("release", id));
  }

  public List<Release> list() {
    return jdbi.withHandle(h -> new ReleaseStore(h).list());
  }

  public List<Release> listForApp(String appKey) {
    return jdbi.withHandle(h -> new ReleaseStore(h).listByApp(AppLookup.require(h, appKey).id()));
  }

  public Release current(String appKey) {
    return jdbi.withHandle(h -> {
      App app = AppLookup.require(h, appKey);
      if (app.release() == null) {
        throw ApiException.notFound("release of app", app.name());
      }
      return require(h, app.release());
    });
  }

  /** Sets the app's current release without deploying; records {@code app_release}. */
  public Release setCurrent(String appKey, String releaseId) {
    if (releaseId == null || releaseId.isBlank()) {
      throw ApiException.validation("id", "release id must be given");
    }
    return jdbi.inTransaction(h -> {
      App app = AppLookup.require(h, appKey);
      ReleaseStore releases = new ReleaseStore(h);
      Release release =
          releases
              .find(releaseId)
              .orElseThrow(() ->
                  ApiException.validation("id", "could not find release with ID " + releaseId));
      return setCurrent(h, app, release);
    });
  }

  /** Makes {@code release} the app's current one and records {@code app_release}, in {@code h}. */
  public static Release setCurrent(Handle h, App app, Release release) {
    ReleaseStore releases = new ReleaseStore(h);
    Release prev = app.release() == null ? null : releases.find(app.release()).orElse(null);
    new AppStore(h).setRelease(app.id(), release.id());
    new EventStore(h).append(app.id(), Event.APP_RELEASE, app.id(), new AppRelease(prev, release));
    return release;
  }
}
