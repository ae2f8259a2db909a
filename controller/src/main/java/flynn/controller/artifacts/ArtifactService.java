package flynn.controller.artifacts;

import flynn.api.controller.Artifact;
import flynn.api.controller.Event;
import flynn.api.http.ApiException;
import flynn.controller.db.Ids;
import flynn.controller.events.EventStore;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Creates and reads artifacts. Creating one that exists (same type and URI) returns it. */
public final class ArtifactService {
  private final Jdbi jdbi;

  public ArtifactService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Artifact create(Artifact a) {
    Artifact valid = validate(a);
    return jdbi.inTransaction(h -> {
      ArtifactStore store = new ArtifactStore(h);
      var inserted = store.insert(valid);
      if (inserted.isEmpty()) {
        return store.findByTypeAndUri(valid.type(), valid.uri()).orElseThrow();
      }
      new EventStore(h).append(null, Event.ARTIFACT, inserted.get().id(), inserted.get());
      return inserted.get();
    });
  }

  public Artifact get(String id) {
    return jdbi.withHandle(h -> new ArtifactStore(h).find(id))
        .orElseThrow(() -> ApiException.notFound("artifact", id));
  }

  public List<Artifact> list() {
    return jdbi.withHandle(h -> new ArtifactStore(h).list());
  }

  static Artifact validate(Artifact a) {
    if (a.type() == null || a.type().isBlank()) {
      throw ApiException.validation("type", "artifact type must not be empty");
    }
    if (a.uri() == null || a.uri().isBlank()) {
      throw ApiException.validation("uri", "artifact uri must not be empty");
    }
    if (a.size() != null && a.size() < 0) {
      throw ApiException.validation("size", "artifact size must not be negative");
    }
    String id = a.id() == null ? Ids.random() : Ids.require("id", a.id());
    return new Artifact(
        id,
        a.type(),
        a.uri(),
        a.meta(),
        a.manifest(),
        a.hashes(),
        a.size(),
        a.layerUrlTemplate(),
        null);
  }
}
