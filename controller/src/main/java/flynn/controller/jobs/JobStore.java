package flynn.controller.jobs;

import flynn.api.controller.Job;
import flynn.controller.db.JsonColumn;
import flynn.controller.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for jobs, keyed by their uuid. */
public final class JobStore {
  private static final String COLUMNS =
      "job_uuid, job_id, host_id, app_id::text AS app_id, release_id::text AS release_id,"
          + " process_type, state, args::text AS args, volumes::text AS volumes,"
          + " meta::text AS meta, exit_status, host_error, run_at, restarts, created_at,"
          + " updated_at";

  private final Handle h;

  public JobStore(Handle h) {
    this.h = h;
  }

  /** Inserts or replaces the job by uuid; its created_at stays the first one. */
  public Job upsert(Job j) {
    return h.createQuery(
            "INSERT INTO jobs (job_uuid, job_id, host_id, app_id, release_id, process_type, state,"
                + " args, volumes, meta, exit_status, host_error, run_at, restarts) VALUES (:uuid,"
                + " :id, :host, CAST(:app AS uuid), CAST(:release AS uuid), :type, :state,"
                + " CAST(:args AS jsonb), CAST(:volumes AS jsonb), CAST(:meta AS jsonb), :exit,"
                + " :hostError, :runAt, :restarts) ON CONFLICT (job_uuid) DO UPDATE SET"
                + " job_id = EXCLUDED.job_id, host_id = EXCLUDED.host_id,"
                + " release_id = EXCLUDED.release_id, process_type = EXCLUDED.process_type,"
                + " state = EXCLUDED.state, args = EXCLUDED.args, volumes = EXCLUDED.volumes,"
                + " meta = EXCLUDED.meta, exit_status = EXCLUDED.exit_status,"
                + " host_error = EXCLUDED.host_error, run_at = EXCLUDED.run_at,"
                + " restarts = EXCLUDED.restarts, updated_at = now() RETURNING "
                + COLUMNS)
        .bind("uuid", j.uuid())
        .bind("id", j.id())
        .bind("host", j.hostId())
        .bind("app", j.app())
        .bind("release", j.release())
        .bind("type", j.type())
        .bind("state", j.state())
        .bind("args", JsonColumn.write(j.args()))
        .bind("volumes", JsonColumn.write(j.volumes()))
        .bind("meta", JsonColumn.write(j.meta()))
        .bind("exit", j.exitStatus())
        .bind("hostError", j.hostError())
        .bind("runAt", j.runAt())
        .bind("restarts", j.restarts())
        .map(JobStore::row)
        .one();
  }

  /** A job by its uuid or its full id. */
  public Optional<Job> find(String idOrUuid) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM jobs WHERE job_uuid = :key OR job_id = :key"
                + " ORDER BY (job_uuid = :key) DESC LIMIT 1")
        .bind("key", idOrUuid)
        .map(JobStore::row)
        .findOne();
  }

  /** Locks the job's row (if any) until the transaction ends, so updates apply in order. */
  public Optional<Job> findForUpdate(String uuid) {
    return h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE job_uuid = :uuid FOR UPDATE")
        .bind("uuid", uuid)
        .map(JobStore::row)
        .findOne();
  }

  public List<Job> listByApp(String appId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM jobs WHERE app_id = CAST(:app AS uuid) ORDER BY created_at DESC")
        .bind("app", appId)
        .map(JobStore::row)
        .list();
  }

  public List<Job> listActive() {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM jobs WHERE state IN ('pending', 'starting', 'up')"
                + " ORDER BY created_at DESC")
        .map(JobStore::row)
        .list();
  }

  private static Job row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Job(
        rs.getString("job_id"),
        rs.getString("job_uuid"),
        rs.getString("host_id"),
        rs.getString("app_id"),
        rs.getString("release_id"),
        rs.getString("process_type"),
        rs.getString("state"),
        JsonColumn.read(rs.getString("args"), JsonColumn.STRINGS),
        JsonColumn.read(rs.getString("volumes"), JsonColumn.STRINGS),
        JsonColumn.read(rs.getString("meta"), JsonColumn.STRING_MAP),
        Rows.integer(rs, "exit_status"),
        rs.getString("host_error"),
        Rows.time(rs, "run_at"),
        Rows.integer(rs, "restarts"),
        Rows.time(rs, "created_at"),
        Rows.time(rs, "updated_at"));
  }
}
