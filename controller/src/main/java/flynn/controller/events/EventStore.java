package flynn.controller.events;

import flynn.api.controller.Event;
import flynn.controller.db.JsonColumn;
import flynn.controller.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The event log's SQL. Appends run inside the transaction of the change they record. */
public final class EventStore {
  /**
   * Taken before an append and held to commit: event ids then become visible in id order, so a
   * stream that reads "id greater than the last one sent" never skips a late-committing row.
   */
  private static final long APPEND_LOCK = 0x466c796e6e4576L;

  private static final String COLUMNS =
      "event_id, app_id::text AS app_id, object_type, object_id, data::text AS data, created_at";

  private static final String FILTER =
      """
      WHERE (CAST(:app AS uuid) IS NULL OR app_id = CAST(:app AS uuid))
        AND (cardinality(CAST(:types AS text[])) = 0 OR object_type = ANY(CAST(:types AS text[])))
        AND (CAST(:object AS text) IS NULL OR object_id = CAST(:object AS text))
        AND (CAST(:before AS bigint) IS NULL OR event_id < CAST(:before AS bigint))
        AND (CAST(:since AS bigint) IS NULL OR event_id > CAST(:since AS bigint))
      """;

  private final Handle h;

  public EventStore(Handle h) {
    this.h = h;
  }

  public void append(String appId, String objectType, String objectId, Object data) {
    appendUnique(appId, objectType, objectId, null, data);
  }

  /** Appends unless an event with {@code uniqueId} exists; true when it appended. */
  public boolean appendUnique(
      String appId, String objectType, String objectId, String uniqueId, Object data) {
    h.createQuery("SELECT pg_advisory_xact_lock(:k)").bind("k", APPEND_LOCK).mapToMap().list();
    return h.createUpdate(
                """
                INSERT INTO events (app_id, object_type, object_id, unique_id, data)
                VALUES (CAST(:app AS uuid), :type, :object, :unique, CAST(:data AS jsonb))
                ON CONFLICT (unique_id) DO NOTHING
                """)
            .bind("app", appId)
            .bind("type", objectType)
            .bind("object", objectId)
            .bind("unique", uniqueId)
            .bind("data", JsonColumn.write(data))
            .execute()
        == 1;
  }

  /** Matching events, newest first. */
  public List<Event> list(EventFilter f) {
    return query(f, "DESC");
  }

  /** Matching events, oldest first. */
  public List<Event> listAscending(EventFilter f) {
    return query(f, "ASC");
  }

  public Optional<Event> get(long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM events WHERE event_id = :id")
        .bind("id", id)
        .map(EventStore::row)
        .findOne();
  }

  public long latestId() {
    return h.createQuery("SELECT COALESCE(MAX(event_id), 0) FROM events").mapTo(Long.class).one();
  }

  private List<Event> query(EventFilter f, String order) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM events "
                + FILTER
                + " ORDER BY event_id "
                + order
                + " LIMIT CAST(:limit AS bigint)")
        .bind("app", f.appId())
        .bindArray("types", String.class, f.objectTypes())
        .bind("object", f.objectId())
        .bind("before", f.beforeId())
        .bind("since", f.sinceId())
        .bind("limit", f.count() > 0 ? Long.valueOf(f.count()) : null)
        .map(EventStore::row)
        .list();
  }

  private static Event row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Event(
        rs.getLong("event_id"),
        rs.getString("app_id"),
        rs.getString("object_type"),
        rs.getString("object_id"),
        JsonColumn.tree(rs.getString("data")),
        Rows.time(rs, "created_at"));
  }
}
