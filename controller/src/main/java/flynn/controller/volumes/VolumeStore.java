package flynn.controller.volumes;

import flynn.api.controller.Volume;
import flynn.controller.db.JsonColumn;
import flynn.controller.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for volumes, keyed by their id. */
final class VolumeStore {
  private static final String COLUMNS =
      "volume_id, host_id, type, state, app_id::text AS app_id, release_id::text AS release_id,"
          + " job_id, job_type, path, delete_on_stop, meta::text AS meta, created_at, updated_at,"
          + " decommissioned_at";

  private final Handle h;

  VolumeStore(Handle h) {
    this.h = h;
  }

  /**
   * Inserts or replaces the volume; its created_at stays the first one, and once decommissioned it
   * stays decommissioned.
   */
  Volume upsert(Volume v) {
    return h.createQuery(
            "INSERT INTO volumes (volume_id, host_id, type, state, app_id, release_id, job_id,"
                + " job_type, path, delete_on_stop, meta, decommissioned_at) VALUES (:id, :host,"
                + " :type, :state, CAST(:app AS uuid), CAST(:release AS uuid), :job, :jobType,"
                + " :path, :deleteOnStop, CAST(:meta AS jsonb), :decommissioned)"
                + " ON CONFLICT (volume_id) DO UPDATE SET host_id = EXCLUDED.host_id,"
                + " type = EXCLUDED.type, state = EXCLUDED.state, app_id = EXCLUDED.app_id,"
                + " release_id = EXCLUDED.release_id, job_id = EXCLUDED.job_id,"
                + " job_type = EXCLUDED.job_type, path = EXCLUDED.path,"
                + " delete_on_stop = EXCLUDED.delete_on_stop, meta = EXCLUDED.meta,"
                + " decommissioned_at = COALESCE(volumes.decommissioned_at,"
                + " EXCLUDED.decommissioned_at), updated_at = now() RETURNING "
                + COLUMNS)
        .bind("id", v.id())
        .bind("host", v.hostId())
        .bind("type", v.type() == null ? Volume.TYPE_DATA : v.type())
        .bind("state", v.state() == null ? Volume.PENDING : v.state())
        .bind("app", v.app())
        .bind("release", v.release())
        .bind("job", v.job())
        .bind("jobType", v.jobType())
        .bind("path", v.path())
        .bind("deleteOnStop", Boolean.TRUE.equals(v.deleteOnStop()))
        .bind("meta", JsonColumn.write(v.meta()))
        .bind("decommissioned", v.decommissionedAt())
        .map(VolumeStore::row)
        .one();
  }

  Optional<Volume> find(String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM volumes WHERE volume_id = :id")
        .bind("id", id)
        .map(VolumeStore::row)
        .findOne();
  }

  List<Volume> listAll() {
    return h.createQuery("SELECT " + COLUMNS + " FROM volumes ORDER BY created_at, volume_id")
        .map(VolumeStore::row)
        .list();
  }

  List<Volume> listByApp(String appId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM volumes WHERE app_id = CAST(:app AS uuid) ORDER BY created_at, volume_id")
        .bind("app", appId)
        .map(VolumeStore::row)
        .list();
  }

  /** Marks the volume decommissioned (once); returns it as it is now. */
  Optional<Volume> decommission(String id) {
    return h.createQuery(
            "UPDATE volumes SET decommissioned_at = COALESCE(decommissioned_at, now()),"
                + " updated_at = now() WHERE volume_id = :id RETURNING "
                + COLUMNS)
        .bind("id", id)
        .map(VolumeStore::row)
        .findOne();
  }

  /** Decommissions every volume of the app that is not yet; returns those. */
  List<Volume> decommissionAllOf(String appId) {
    return h.createQuery(
            "UPDATE volumes SET decommissioned_at = now(), updated_at = now()"
                + " WHERE app_id = CAST(:app AS uuid) AND decommissioned_at IS NULL RETURNING "
                + COLUMNS)
        .bind("app", appId)
        .map(VolumeStore::row)
        .list();
  }

  private static Volume row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Volume(
        rs.getString("volume_id"),
        rs.getString("host_id"),
        rs.getString("type"),
        rs.getString("state"),
        rs.getString("app_id"),
        rs.getString("release_id"),
        rs.getString("job_id"),
        rs.getString("job_type"),
        rs.getString("path"),
        rs.getBoolean("delete_on_stop"),
        JsonColumn.read(rs.getString("meta"), JsonColumn.STRING_MAP),
        Rows.time(rs, "created_at"),
        Rows.time(rs, "updated_at"),
        Rows.time(rs, "decommissioned_at"));
  }
}
