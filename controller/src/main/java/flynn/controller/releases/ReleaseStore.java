package flynn.controller.releases;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.controller.db.JsonColumn;
import flynn.controller.db.Rows;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for releases and their ordered artifacts. */
public final class ReleaseStore {
  private static final TypeReference<Map<String, ProcessType>> PROCESSES = new TypeReference<>() {};
  private static final String COLUMNS =
      "r.release_id::text AS release_id, r.app_id::text AS app_id, r.env::text AS env,"
          + " r.meta::text AS meta, r.processes::text AS processes, r.created_at,"
          + " ARRAY(SELECT a.artifact_id::text FROM release_artifacts a"
          + " WHERE a.release_id = r.release_id ORDER BY a.index) AS artifacts";

  private final Handle h;

  public ReleaseStore(Handle h) {
    this.h = h;
  }

  public Release insert(Release r) {
    h.createUpdate(
            "INSERT INTO releases (release_id, app_id, env, meta, processes) VALUES"
                + " (CAST(:id AS uuid), CAST(:app AS uuid), CAST(:env AS jsonb),"
                + " CAST(:meta AS jsonb), CAST(:processes AS jsonb))")
        .bind("id", r.id())
        .bind("app", r.appId())
        .bind("env", JsonColumn.write(r.env()))
        .bind("meta", JsonColumn.write(r.meta()))
        .bind("processes", JsonColumn.write(r.processes()))
        .execute();
    for (int i = 0; i < r.artifacts().size(); i++) {
      h.createUpdate(
              "INSERT INTO release_artifacts (release_id, artifact_id, index)"
                  + " VALUES (CAST(:release AS uuid), CAST(:artifact AS uuid), :index)")
          .bind("release", r.id())
          .bind("artifact", r.artifacts().get(i))
          .bind("index", i)
          .execute();
    }
    return find(r.id()).orElseThrow();
  }

  public Optional<Release> find(String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM releases r WHERE r.release_id::text = :id")
        .bind("id", id)
        .map(ReleaseStore::row)
        .findOne();
  }

  public List<Release> list() {
    return h.createQuery("SELECT " + COLUMNS + " FROM releases r ORDER BY r.created_at DESC")
        .map(ReleaseStore::row)
        .list();
  }

  public List<Release> listByApp(String appId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM releases r WHERE r.app_id = CAST(:app AS uuid) ORDER BY r.created_at DESC")
        .bind("app", appId)
        .map(ReleaseStore::row)
        .list();
  }

  private static Release row(ResultSet rs, StatementContext ctx) throws SQLException {
    return ReleaseRules.withLegacyArtifact(
        new Release(
            rs.getString("release_id"),
            rs.getString("app_id"),
            strings(rs.getArray("artifacts")),
            JsonColumn.read(rs.getString("env"), JsonColumn.STRING_MAP),
            JsonColumn.read(rs.getString("meta"), JsonColumn.STRING_MAP),
            JsonColumn.read(rs.getString("processes"), PROCESSES),
            Rows.time(rs, "created_at"),
            null));
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }
}
