package flynn.controller.formations;

import flynn.api.controller.Formation;
import flynn.controller.db.JsonColumn;
import flynn.controller.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for formations. A deleted formation keeps its row, with no processes. */
public final class FormationStore {
  /** A formation as stored, with whether it was deleted. */
  public record Row(Formation formation, boolean deleted) {}

  private static final String COLUMNS =
      "app_id::text AS app_id, release_id::text AS release_id, processes::text AS processes,"
          + " tags::text AS tags, created_at, updated_at, deleted_at IS NOT NULL AS deleted";

  private final Handle h;

  public FormationStore(Handle h) {
    this.h = h;
  }

  public Optional<Formation> find(String appId, String releaseId) {
    return findAny(appId, releaseId).filter(r -> !r.deleted()).map(Row::formation);
  }

  public Optional<Row> findAny(String appId, String releaseId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM formations WHERE app_id = CAST(:app AS uuid)"
                + " AND release_id = CAST(:release AS uuid)")
        .bind("app", appId)
        .bind("release", releaseId)
        .map(FormationStore::row)
        .findOne();
  }

  public Formation upsert(
      String appId,
      String releaseId,
      Map<String, Integer> processes,
      Map<String, Map<String, String>> tags) {
    return h.createQuery(
            "INSERT INTO formations (app_id, release_id, processes, tags)"
                + " VALUES (CAST(:app AS uuid), CAST(:release AS uuid), CAST(:processes AS jsonb),"
                + " CAST(:tags AS jsonb)) ON CONFLICT (app_id, release_id) DO UPDATE SET"
                + " processes = EXCLUDED.processes, tags = EXCLUDED.tags, updated_at = now(),"
                + " deleted_at = NULL RETURNING "
                + COLUMNS)
        .bind("app", appId)
        .bind("release", releaseId)
        .bind("processes", JsonColumn.write(processes))
        .bind("tags", JsonColumn.write(tags))
        .map(FormationStore::row)
        .one()
        .formation();
  }

  public void markDeleted(String appId, String releaseId) {
    h.createUpdate(
            "UPDATE formations SET deleted_at = now(), processes = NULL, updated_at = now()"
                + " WHERE app_id = CAST(:app AS uuid) AND release_id = CAST(:release AS uuid)"
                + " AND deleted_at IS NULL")
        .bind("app", appId)
        .bind("release", releaseId)
        .execute();
  }

  public List<Formation> listByApp(String appId) {
    return h
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM formations WHERE app_id = CAST(:app AS uuid) AND deleted_at IS NULL"
                + " ORDER BY created_at DESC")
        .bind("app", appId)
        .map(FormationStore::row)
        .list()
        .stream()
        .map(Row::formation)
        .toList();
  }

  /** Live formations with a positive process count, most recently updated first. */
  public List<Row> listActive() {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM formations f WHERE deleted_at IS NULL AND processes IS NOT NULL"
                + " AND (SELECT COALESCE(SUM(value::int), 0) FROM jsonb_each_text(f.processes)) > 0"
                + " ORDER BY updated_at DESC")
        .map(FormationStore::row)
        .list();
  }

  public List<Row> listSince(OffsetDateTime since) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM formations WHERE deleted_at IS NULL AND updated_at >= :since"
                + " ORDER BY updated_at DESC")
        .bind("since", since)
        .map(FormationStore::row)
        .list();
  }

  private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
    Formation f =
        new Formation(
            rs.getString("app_id"),
            rs.getString("release_id"),
            JsonColumn.read(rs.getString("processes"), JsonColumn.COUNTS),
            JsonColumn.read(rs.getString("tags"), JsonColumn.TAGS),
            Rows.time(rs, "created_at"),
            Rows.time(rs, "updated_at"));
    return new Row(f, rs.getBoolean("deleted"));
  }
}
