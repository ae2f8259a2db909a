package flynn.controller.resources;

import flynn.api.controller.Provider;
import flynn.controller.db.Ids;
import flynn.controller.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for providers. */
final class ProviderStore {
  private static final String COLUMNS =
      "provider_id::text AS provider_id, name, url, created_at, updated_at";

  private final Handle h;

  ProviderStore(Handle h) {
    this.h = h;
  }

  /** Inserts the provider, or changes the url of the one with its name. */
  Provider upsert(Provider p) {
    return h.createQuery(
            "INSERT INTO providers (provider_id, name, url) VALUES (CAST(:id AS uuid), :name, :url)"
                + " ON CONFLICT (name) DO UPDATE SET url = EXCLUDED.url, updated_at = now()"
                + " RETURNING "
                + COLUMNS)
        .bind("id", Ids.random())
        .bind("name", p.name())
        .bind("url", p.url())
        .map(ProviderStore::row)
        .one();
  }

  /** The provider with this id or name; an id wins over a name. */
  Optional<Provider> find(String idOrName) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM providers WHERE provider_id::text = :key OR name = :key"
                + " ORDER BY (provider_id::text = :key) DESC LIMIT 1")
        .bind("key", idOrName)
        .map(ProviderStore::row)
        .findOne();
  }

  List<Provider> list() {
    return h.createQuery("SELECT " + COLUMNS + " FROM providers ORDER BY created_at DESC")
        .map(ProviderStore::row)
        .list();
  }

  private static Provider row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Provider(
        rs.getString("provider_id"),
        rs.getString("name"),
        rs.getString("url"),
        Rows.time(rs, "created_at"),
        Rows.time(rs, "updated_at"));
  }
}
