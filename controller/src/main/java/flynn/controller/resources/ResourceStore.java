package flynn.controller.resources;

import flynn.api.controller.Resource;
import flynn.controller.db.JsonColumn;
import flynn.controller.db.Rows;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for resources and their links to apps. Only live (not deleted) resources are found. */
final class ResourceStore {
  private static final String SELECT =
      """
      SELECT r.resource_id::text AS resource_id, r.provider_id::text AS provider_id, r.external_id,
             r.env::text AS env, r.created_at,
             ARRAY(SELECT a.app_id::text FROM app_resources a WHERE a.resource_id = r.resource_id
                   ORDER BY a.created_at, a.app_id) AS apps
      FROM resources r
      WHERE r.deleted_at IS NULL
      """;
  private static final String NEWEST_FIRST = " ORDER BY r.created_at DESC, r.resource_id";

  private final Handle h;

  ResourceStore(Handle h) {
    this.h = h;
  }

  /** Stores the resource and links its apps (ids); answers it as stored. */
  Resource insert(Resource r) {
    h.createUpdate(
            """
            INSERT INTO resources (resource_id, provider_id, external_id, env)
            VALUES (CAST(:id AS uuid), CAST(:provider AS uuid), :external, CAST(:env AS jsonb))
            """)
        .bind("id", r.id())
        .bind("provider", r.provider())
        .bind("external", r.externalId())
        .bind("env", JsonColumn.write(r.env()))
        .execute();
    r.apps().forEach(app -> link(r.id(), app));
    return find(r.id()).orElseThrow();
  }

  /** Replaces what the provider said of the resource (its external id and env). */
  void update(Resource r) {
    h.createUpdate(
            "UPDATE resources SET external_id = :external, env = CAST(:env AS jsonb)"
                + " WHERE resource_id = CAST(:id AS uuid)")
        .bind("id", r.id())
        .bind("external", r.externalId())
        .bind("env", JsonColumn.write(r.env()))
        .execute();
  }

  Optional<Resource> find(String id) {
    return h.createQuery(SELECT + " AND r.resource_id = CAST(:id AS uuid)")
        .bind("id", id)
        .map(ResourceStore::row)
        .findOne();
  }

  /** Whether a resource with this id was ever stored, deleted or not. */
  boolean existed(String id) {
    return h.createQuery("SELECT count(*) FROM resources WHERE resource_id = CAST(:id AS uuid)")
            .bind("id", id)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  List<Resource> list() {
    return h.createQuery(SELECT + NEWEST_FIRST).map(ResourceStore::row).list();
  }

  List<Resource> listOfProvider(String providerId) {
    return h.createQuery(SELECT + " AND r.provider_id = CAST(:p AS uuid)" + NEWEST_FIRST)
        .bind("p", providerId)
        .map(ResourceStore::row)
        .list();
  }

  List<Resource> listOfApp(String appId) {
    return h.createQuery(
            SELECT
                + " AND EXISTS (SELECT 1 FROM app_resources a WHERE a.resource_id = r.resource_id"
                + " AND a.app_id = CAST(:app AS uuid))"
                + NEWEST_FIRST)
        .bind("app", appId)
        .map(ResourceStore::row)
        .list();
  }

  /** Links the app; true when it was not linked yet. */
  boolean link(String resourceId, String appId) {
    return h.createUpdate(
                "INSERT INTO app_resources (app_id, resource_id)"
                    + " VALUES (CAST(:app AS uuid), CAST(:r AS uuid)) ON CONFLICT DO NOTHING")
            .bind("app", appId)
            .bind("r", resourceId)
            .execute()
        == 1;
  }

  /** Unlinks the app; true when it was linked. */
  boolean unlink(String resourceId, String appId) {
    return h.createUpdate(
                "DELETE FROM app_resources"
                    + " WHERE app_id = CAST(:app AS uuid) AND resource_id = CAST(:r AS uuid)")
            .bind("app", appId)
            .bind("r", resourceId)
            .execute()
        == 1;
  }

  /** Unlinks every app and marks the resource deleted. */
  void markDeleted(String resourceId) {
    h.createUpdate("DELETE FROM app_resources WHERE resource_id = CAST(:r AS uuid)")
        .bind("r", resourceId)
        .execute();
    h.createUpdate("UPDATE resources SET deleted_at = now() WHERE resource_id = CAST(:r AS uuid)")
        .bind("r", resourceId)
        .execute();
  }

  private static Resource row(ResultSet rs, StatementContext ctx) throws SQLException {
    Array apps = rs.getArray("apps");
    return new Resource(
        rs.getString("resource_id"),
        rs.getString("provider_id"),
        rs.getString("external_id"),
        JsonColumn.read(rs.getString("env"), JsonColumn.STRING_MAP),
        List.copyOf(Arrays.asList((String[]) apps.getArray())),
        Rows.time(rs, "created_at"));
  }
}
