package flynn.controller.apps;

import flynn.api.controller.App;
import flynn.controller.db.JsonColumn;
import flynn.controller.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for apps. Deleted apps keep their row (events refer to them) but are not found. */
public final class AppStore {
  private static final String COLUMNS =
      "app_id::text AS app_id, name, meta::text AS meta, strategy, release_id::text AS release_id,"
          + " deploy_timeout, created_at, updated_at";

  private final Handle h;

  public AppStore(Handle h) {
    this.h = h;
  }

  public App insert(App a) {
    return h.createQuery(
            "INSERT INTO apps (app_id, name, meta, strategy, deploy_timeout)"
                + " VALUES (CAST(:id AS uuid), :name, CAST(:meta AS jsonb), :strategy, :timeout)"
                + " RETURNING "
                + COLUMNS)
        .bind("id", a.id())
        .bind("name", a.name())
        .bind("meta", JsonColumn.write(a.meta()))
        .bind("strategy", a.strategy())
        .bind("timeout", a.deployTimeout())
        .map(AppStore::row)
        .one();
  }

  /** A live app by id or name. */
  public Optional<App> find(String idOrName) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM apps WHERE deleted_at IS NULL AND (app_id::text = :key OR name = :key)"
                + " ORDER BY (app_id::text = :key) DESC LIMIT 1")
        .bind("key", idOrName)
        .map(AppStore::row)
        .findOne();
  }

  /** An app by id, deleted or not (expanded formations of a deleted app still name it). */
  public Optional<App> findAny(String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM apps WHERE app_id = CAST(:id AS uuid)")
        .bind("id", id)
        .map(AppStore::row)
        .findOne();
  }

  public boolean exists(String id) {
    return h.createQuery("SELECT count(*) FROM apps WHERE app_id = CAST(:id AS uuid)")
            .bind("id", id)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  public List<App> list() {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM apps WHERE deleted_at IS NULL ORDER BY created_at DESC")
        .map(AppStore::row)
        .list();
  }

  public App update(App a) {
    return h.createQuery(
            "UPDATE apps SET meta = CAST(:meta AS jsonb), strategy = :strategy,"
                + " deploy_timeout = :timeout, updated_at = now()"
                + " WHERE app_id = CAST(:id AS uuid) RETURNING "
                + COLUMNS)
        .bind("id", a.id())
        .bind("meta", JsonColumn.write(a.meta()))
        .bind("strategy", a.strategy())
        .bind("timeout", a.deployTimeout())
        .map(AppStore::row)
        .one();
  }

  public App setRelease(String appId, String releaseId) {
    return h.createQuery(
            "UPDATE apps SET release_id = CAST(:release AS uuid), updated_at = now()"
                + " WHERE app_id = CAST(:id AS uuid) RETURNING "
                + COLUMNS)
        .bind("id", appId)
        .bind("release", releaseId)
        .map(AppStore::row)
        .one();
  }

  public void markDeleted(String appId) {
    h.createUpdate("UPDATE apps SET deleted_at = now() WHERE app_id = CAST(:id AS uuid)")
        .bind("id", appId)
        .execute();
  }

  private static App row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new App(
        rs.getString("app_id"),
        rs.getString("name"),
        JsonColumn.read(rs.getString("meta"), JsonColumn.STRING_MAP),
        rs.getString("strategy"),
        rs.getString("release_id"),
        Rows.integer(rs, "deploy_timeout"),
        Rows.time(rs, "created_at"),
        Rows.time(rs, "updated_at"));
  }
}
