package flynn.controller.deployments;

import flynn.api.controller.Deployment;
import flynn.controller.db.JsonColumn;
import flynn.controller.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for deployments. */
public final class DeploymentStore {
  /** A deployment as stored, with the error of a rollback in progress (null when none). */
  public record Row(Deployment deployment, String rollbackError) {}

  private static final String COLUMNS =
      "deployment_id::text AS id, app_id::text AS app_id, old_release_id::text AS old_release,"
          + " new_release_id::text AS new_release, strategy, status, processes::text AS processes,"
          + " tags::text AS tags, deploy_timeout, deploy_batch_size, rollback_error, created_at,"
          + " finished_at";

  private final Handle h;

  public DeploymentStore(Handle h) {
    this.h = h;
  }

  /** Stores a new deployment; {@code type} is Flynn's code/config distinction. */
  public Deployment insert(Deployment d, String type) {
    return h.createQuery(
            "INSERT INTO deployments (deployment_id, app_id, old_release_id, new_release_id,"
                + " strategy, status, processes, tags, deploy_timeout, deploy_batch_size, type,"
                + " finished_at) VALUES (CAST(:id AS uuid), CAST(:app AS uuid),"
                + " CAST(:old AS uuid), CAST(:new AS uuid), :strategy, :status,"
                + " CAST(:processes AS jsonb), CAST(:tags AS jsonb), :timeout, :batch, :type,"
                + " CASE WHEN :finished THEN now() END) RETURNING "
                + COLUMNS)
        .bind("id", d.id())
        .bind("app", d.app())
        .bind("old", d.oldRelease())
        .bind("new", d.newRelease())
        .bind("strategy", d.strategy())
        .bind("status", d.status())
        .bind("processes", JsonColumn.write(d.processes()))
        .bind("tags", JsonColumn.write(d.tags()))
        .bind("timeout", d.deployTimeout())
        .bind("batch", d.deployBatchSize())
        .bind("type", type)
        .bind("finished", d.finished())
        .map(DeploymentStore::row)
        .one()
        .deployment();
  }

  public Optional<Row> find(String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM deployments WHERE deployment_id::text = :id")
        .bind("id", id)
        .map(DeploymentStore::row)
        .findOne();
  }

  /** The app's deployments, newest first. */
  public List<Deployment> listByApp(String appId) {
    return h
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM deployments WHERE app_id = CAST(:app AS uuid)"
                + " ORDER BY created_at DESC, deployment_id")
        .bind("app", appId)
        .map(DeploymentStore::row)
        .list()
        .stream()
        .map(Row::deployment)
        .toList();
  }

  /** The app's deployment in progress (pending or running), if any. */
  public Optional<Deployment> inProgress(String appId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM deployments WHERE app_id = CAST(:app AS uuid)"
                + " AND status IN ('pending', 'running')")
        .bind("app", appId)
        .map(DeploymentStore::row)
        .findOne()
        .map(Row::deployment);
  }

  /** Every pending or running deployment, oldest first: the worker's queue. */
  public List<Row> listUnfinished() {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM deployments WHERE status IN ('pending', 'running') ORDER BY created_at")
        .map(DeploymentStore::row)
        .list();
  }

  public Deployment setStatus(String id, String status) {
    return h.createQuery(
            "UPDATE deployments SET status = :status,"
                + " finished_at = CASE WHEN :status IN ('complete', 'failed') THEN now() END"
                + " WHERE deployment_id = CAST(:id AS uuid) RETURNING "
                + COLUMNS)
        .bind("id", id)
        .bind("status", status)
        .map(DeploymentStore::row)
        .one()
        .deployment();
  }

  /** Records that the deployment failed with {@code error} and is being rolled back. */
  public void setRollbackError(String id, String error) {
    h.createUpdate(
            "UPDATE deployments SET rollback_error = :error WHERE deployment_id = CAST(:id AS uuid)")
        .bind("id", id)
        .bind("error", error)
        .execute();
  }

  private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
    Deployment d =
        new Deployment(
            rs.getString("id"),
            rs.getString("app_id"),
            rs.getString("old_release"),
            rs.getString("new_release"),
            rs.getString("strategy"),
            rs.getString("status"),
            JsonColumn.read(rs.getString("processes"), JsonColumn.COUNTS),
            JsonColumn.read(rs.getString("tags"), JsonColumn.TAGS),
            Rows.integer(rs, "deploy_timeout"),
            Rows.integer(rs, "deploy_batch_size"),
            Rows.time(rs, "created_at"),
            Rows.time(rs, "finished_at"));
    return new Row(d, rs.getString("rollback_error"));
  }
}
