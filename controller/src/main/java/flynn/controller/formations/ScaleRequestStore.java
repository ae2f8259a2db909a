package flynn.controller.formations;

import flynn.api.controller.ScaleRequest;
import flynn.controller.db.JsonColumn;
import flynn.controller.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for scale requests. */
public final class ScaleRequestStore {
  private static final String COLUMNS =
      "scale_request_id::text AS id, app_id::text AS app_id, release_id::text AS release_id,"
          + " state, old_processes::text AS old_processes, new_processes::text AS new_processes,"
          + " old_tags::text AS old_tags, new_tags::text AS new_tags, created_at, updated_at";

  private final Handle h;

  public ScaleRequestStore(Handle h) {
    this.h = h;
  }

  public ScaleRequest insert(ScaleRequest s) {
    return h.createQuery(
            "INSERT INTO scale_requests (scale_request_id, app_id, release_id, state,"
                + " old_processes, new_processes, old_tags, new_tags) VALUES (CAST(:id AS uuid),"
                + " CAST(:app AS uuid), CAST(:release AS uuid), :state, CAST(:oldp AS jsonb),"
                + " CAST(:newp AS jsonb), CAST(:oldt AS jsonb), CAST(:newt AS jsonb)) RETURNING "
                + COLUMNS)
        .bind("id", s.id())
        .bind("app", s.app())
        .bind("release", s.release())
        .bind("state", s.state())
        .bind("oldp", JsonColumn.write(s.oldProcesses()))
        .bind("newp", JsonColumn.write(s.newProcesses()))
        .bind("oldt", JsonColumn.write(s.oldTags()))
        .bind("newt", JsonColumn.write(s.newTags()))
        .map(ScaleRequestStore::row)
        .one();
  }

  /** Cancels the formation's pending requests and returns them, newest first. */
  public List<ScaleRequest> cancelPending(String appId, String releaseId) {
    return h
        .createQuery(
            "UPDATE scale_requests SET state = 'cancelled', updated_at = now()"
                + " WHERE app_id = CAST(:app AS uuid) AND release_id = CAST(:release AS uuid)"
                + " AND state = 'pending' RETURNING "
                + COLUMNS)
        .bind("app", appId)
        .bind("release", releaseId)
        .map(ScaleRequestStore::row)
        .list()
        .stream()
        .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
        .toList();
  }

  public Optional<ScaleRequest> find(String id) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM scale_requests WHERE scale_request_id::text = :id")
        .bind("id", id)
        .map(ScaleRequestStore::row)
        .findOne();
  }

  public ScaleRequest updateState(String id, String state) {
    return h.createQuery(
            "UPDATE scale_requests SET state = :state, updated_at = now()"
                + " WHERE scale_request_id = CAST(:id AS uuid) RETURNING "
                + COLUMNS)
        .bind("id", id)
        .bind("state", state)
        .map(ScaleRequestStore::row)
        .one();
  }

  public Optional<ScaleRequest> latestPending(String appId, String releaseId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM scale_requests WHERE app_id = CAST(:app AS uuid)"
                + " AND release_id = CAST(:release AS uuid) AND state = 'pending'"
                + " ORDER BY created_at DESC LIMIT 1")
        .bind("app", appId)
        .bind("release", releaseId)
        .map(ScaleRequestStore::row)
        .findOne();
  }

  private static ScaleRequest row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ScaleRequest(
        rs.getString("id"),
        rs.getString("app_id"),
        rs.getString("release_id"),
        rs.getString("state"),
        JsonColumn.read(rs.getString("old_processes"), JsonColumn.COUNTS),
        JsonColumn.read(rs.getString("new_processes"), JsonColumn.COUNTS),
        JsonColumn.read(rs.getString("old_tags"), JsonColumn.TAGS),
        JsonColumn.read(rs.getString("new_tags"), JsonColumn.TAGS),
        Rows.time(rs, "created_at"),
        Rows.time(rs, "updated_at"));
  }
}
