package flynn.controller.artifacts;

import flynn.api.controller.Artifact;
import flynn.controller.db.JsonColumn;
import flynn.controller.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for artifacts (immutable; one per type and URI). */
public final class ArtifactStore {
  private static final String COLUMNS =
      "artifact_id::text AS artifact_id, type, uri, meta::text AS meta, manifest::text AS manifest,"
          + " hashes::text AS hashes, size, layer_url_template, created_at";

  private final Handle h;

  public ArtifactStore(Handle h) {
    this.h = h;
  }

  /** Inserts the artifact; empty when one with the same type and URI exists. */
  public Optional<Artifact> insert(Artifact a) {
    return h.createQuery(
            "INSERT INTO artifacts (artifact_id, type, uri, meta, manifest, hashes, size,"
                + " layer_url_template) VALUES (CAST(:id AS uuid), :type, :uri,"
                + " CAST(:meta AS jsonb), CAST(:manifest AS jsonb), CAST(:hashes AS jsonb), :size,"
                + " :template) ON CONFLICT (type, uri) DO NOTHING RETURNING "
                + COLUMNS)
        .bind("id", a.id())
        .bind("type", a.type())
        .bind("uri", a.uri())
        .bind("meta", JsonColumn.write(a.meta()))
        .bind("manifest", JsonColumn.write(a.manifest()))
        .bind("hashes", JsonColumn.write(a.hashes()))
        .bind("size", a.size())
        .bind("template", a.layerUrlTemplate())
        .map(ArtifactStore::row)
        .findOne();
  }

  public Optional<Artifact> findByTypeAndUri(String type, String uri) {
    return h.createQuery("SELECT " + COLUMNS + " FROM artifacts WHERE type = :type AND uri = :uri")
        .bind("type", type)
        .bind("uri", uri)
        .map(ArtifactStore::row)
        .findOne();
  }

  public Optional<Artifact> find(String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM artifacts WHERE artifact_id::text = :id")
        .bind("id", id)
        .map(ArtifactStore::row)
        .findOne();
  }

  /** The artifacts with these ids, in their order (a release's, bottom first); all must exist. */
  public List<Artifact> findAll(List<String> ids) {
    return ids.stream()
        .map(id -> find(id).orElseThrow(() -> new IllegalStateException("no artifact " + id)))
        .toList();
  }

  public List<Artifact> list() {
    return h.createQuery("SELECT " + COLUMNS + " FROM artifacts ORDER BY created_at DESC")
        .map(ArtifactStore::row)
        .list();
  }

  private static Artifact row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Artifact(
        rs.getString("artifact_id"),
        rs.getString("type"),
        rs.getString("uri"),
        JsonColumn.read(rs.getString("meta"), JsonColumn.STRING_MAP),
        JsonColumn.tree(rs.getString("manifest")),
        JsonColumn.read(rs.getString("hashes"), JsonColumn.STRING_MAP),
        Rows.bigint(rs, "size"),
        rs.getString("layer_url_template"),
        Rows.time(rs, "created_at"));
  }
}
