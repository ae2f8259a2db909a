package flynn.controller.formations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.Event;
import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.Formation;
import flynn.api.controller.Release;
import flynn.api.controller.ScaleRequest;
import flynn.api.http.ApiException;
import flynn.controller.apps.AppLookup;
import flynn.controller.apps.AppStore;
import flynn.controller.artifacts.ArtifactStore;
import flynn.controller.db.Ids;
import flynn.controller.events.EventStore;
import flynn.controller.releases.ReleaseService;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Formations and scale requests. Every change of a formation goes through a scale request, which is
 * stored with the formation and its {@code scale_request} event in one transaction.
 */
public final class FormationService {
  private final Jdbi jdbi;

  public FormationService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** {@code PUT /apps/:id/formations/:release}: null processes scale every type to zero. */
  public Formation put(String appKey, String releaseId, Formation body) {
    return jdbi.inTransaction(h -> {
      App app = AppLookup.require(h, appKey);
      Release release = ReleaseService.require(h, releaseId);
      Map<String, Integer> processes =
          body.processes() == null ? Scaling.allZero(release) : body.processes();
      Scaling.validateProcesses(release, processes);
      ScaleRequest req = addScaleRequest(h, app.id(), release, processes, body.tags(), false);
      return new Formation(
          app.id(),
          release.id(),
          req.newProcesses(),
          req.newTags(),
          req.createdAt(),
          req.updatedAt());
    });
  }

  /**
   * {@code PUT /apps/:id/scale/:release}: a pending (or state-less) body starts a scale; a body
   * naming an existing request with state complete or cancelled finishes it.
   */
  public ScaleRequest scale(String appKey, String releaseId, JsonNode body) {
    ScaleRequest req = scaleBody(body);
    String state = req.state() == null ? ScaleRequest.PENDING : req.state();
    return jdbi.inTransaction(h -> {
      App app = AppLookup.require(h, appKey);
      Release release = ReleaseService.require(h, releaseId);
      return switch (state) {
        case ScaleRequest.PENDING -> {
          Scaling.validateProcesses(release, req.newProcesses());
          yield addScaleRequest(h, app.id(), release, req.newProcesses(), req.newTags(), false);
        }
        case ScaleRequest.COMPLETE, ScaleRequest.CANCELLED ->
            finish(h, app, release, req.id(), state);
        default ->
            throw ApiException.validation(
                "state", "state must be pending, complete or cancelled, got " + state);
      };
    });
  }

  /** Reads Flynn's body ({@code new_processes}), also accepting {@code processes}/{@code tags}. */
  private static ScaleRequest scaleBody(JsonNode body) {
    try {
      ScaleRequest req = Json.mapper().treeToValue(body, ScaleRequest.class);
      ScaleRequest.Body alt = Json.mapper().treeToValue(body, ScaleRequest.Body.class);
      return new ScaleRequest(
          req.id(),
          req.app(),
          req.release(),
          req.state(),
          req.oldProcesses(),
          req.newProcesses() != null ? req.newProcesses() : alt.processes(),
          req.oldTags(),
          req.newTags() != null ? req.newTags() : alt.tags(),
          null,
          null);
    } catch (JsonProcessingException e) {
      throw ApiException.syntax("invalid scale request: " + e.getOriginalMessage());
    }
  }

  private static ScaleRequest finish(Handle h, App app, Release release, String id, String state) {
    if (id == null) {
      throw ApiException.validation("id", "a " + state + " scale request must name its id");
    }
    ScaleRequestStore store = new ScaleRequestStore(h);
    store
        .find(id)
        .filter(s -> s.app().equals(app.id()) && s.release().equals(release.id()))
        .orElseThrow(() -> ApiException.notFound("scale request", id));
    ScaleRequest updated = store.updateState(id, state);
    new EventStore(h).append(app.id(), Event.SCALE_REQUEST, id, updated);
    return updated;
  }

  /**
   * Cancels the formation's pending requests, stores a new pending one, and updates (or deletes)
   * the formation, with their events.
   */
  static ScaleRequest addScaleRequest(
      Handle h,
      String appId,
      Release release,
      Map<String, Integer> processes,
      Map<String, Map<String, String>> tags,
      boolean deleteFormation) {
    FormationStore formations = new FormationStore(h);
    ScaleRequestStore requests = new ScaleRequestStore(h);
    EventStore events = new EventStore(h);
    Formation current = formations.find(appId, release.id()).orElse(null);
    List<ScaleRequest> cancelled = requests.cancelPending(appId, release.id());
    Scaling.Plan plan = Scaling.plan(appId, release.id(), current, processes, tags);
    ScaleRequest p = plan.request();
    ScaleRequest req =
        requests.insert(
            new ScaleRequest(
                Ids.random(),
                appId,
                release.id(),
                p.state(),
                p.oldProcesses(),
                p.newProcesses(),
                p.oldTags(),
                p.newTags(),
                null,
                null));
    if (deleteFormation) {
      formations.markDeleted(appId, release.id());
    } else {
      formations.upsert(appId, release.id(), plan.processes(), plan.tags());
    }
    events.append(appId, Event.SCALE_REQUEST, req.id(), req);
    for (ScaleRequest c : cancelled) {
      events.append(appId, Event.SCALE_REQUEST + "_cancelation", c.id(), c);
    }
    events.append(appId, Event.SCALE, appId + ":" + release.id(), deprecatedScale(req));
    return req;
  }

  private static Map<String, Object> deprecatedScale(ScaleRequest req) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("processes", req.newProcesses());
    data.put("prev_processes", req.oldProcesses());
    data.put("release", req.release());
    return data;
  }

  /** {@code DELETE /apps/:id/formations/:release}: scales every type to zero and deletes it. */
  public void delete(String appKey, String releaseId) {
    jdbi.useTransaction(h -> {
      App app = AppLookup.require(h, appKey);
      Release release = ReleaseService.require(h, releaseId);
      new FormationStore(h)
          .find(app.id(), release.id())
          .orElseThrow(() -> ApiException.notFound("formation", app.name() + "/" + releaseId));
      addScaleRequest(h, app.id(), release, Scaling.allZero(release), null, true);
    });
  }

  /** Deletes every formation of an app (when the app is deleted), inside the caller's tx. */
  public static void deleteAllOf(Handle h, String appId) {
    List<Formation> all = new FormationStore(h).listByApp(appId);
    for (Formation f : all) {
      Release release = ReleaseService.require(h, f.release());
      addScaleRequest(h, appId, release, Scaling.allZero(release), null, true);
    }
  }

  public Formation get(String appKey, String releaseId) {
    return jdbi.withHandle(h -> {
      App app = AppLookup.require(h, appKey);
      return new FormationStore(h)
          .find(app.id(), releaseId)
          .orElseThrow(() -> ApiException.notFound("formation", app.name() + "/" + releaseId));
    });
  }

  public ExpandedFormation getExpanded(String appKey, String releaseId) {
    return jdbi.withHandle(h -> {
      App app = AppLookup.require(h, appKey);
      return new FormationStore(h)
          .findAny(app.id(), releaseId)
          .filter(r -> !r.deleted())
          .map(r -> expand(h, r))
          .orElseThrow(() -> ApiException.notFound("formation", app.name() + "/" + releaseId));
    });
  }

  public List<Formation> list(String appKey) {
    return jdbi.withHandle(h -> new FormationStore(h).listByApp(AppLookup.require(h, appKey).id()));
  }

  public List<ExpandedFormation> listActive() {
    return jdbi.withHandle(
        h -> new FormationStore(h).listActive().stream().map(r -> expand(h, r)).toList());
  }

  public List<ExpandedFormation> listSince(OffsetDateTime since) {
    return jdbi.withHandle(
        h -> new FormationStore(h).listSince(since).stream().map(r -> expand(h, r)).toList());
  }

  /** The formation as it is now, deleted or not (for the stream the scheduler follows). */
  public Optional<ExpandedFormation> expandedAny(String appId, String releaseId) {
    return jdbi.withHandle(
        h -> new FormationStore(h).findAny(appId, releaseId).map(r -> expand(h, r)));
  }

  private static ExpandedFormation expand(Handle h, FormationStore.Row row) {
    Formation f = row.formation();
    App app = new AppStore(h).findAny(f.app()).orElseThrow();
    Release release = ReleaseService.require(h, f.release());
    List<Artifact> artifacts = new ArtifactStore(h).findAll(release.artifacts());
    ScaleRequest pending =
        new ScaleRequestStore(h).latestPending(f.app(), f.release()).orElse(null);
    return new ExpandedFormation(
        app,
        release,
        artifacts,
        row.deleted() || f.processes() == null ? Map.of() : f.processes(),
        f.tags(),
        f.updatedAt(),
        row.deleted() ? Boolean.TRUE : null,
        pending);
  }
}
