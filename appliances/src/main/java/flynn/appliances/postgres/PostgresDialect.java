package flynn.appliances.postgres;

import flynn.appliances.Secrets;
import flynn.appliances.platform.ServerAddress;
import flynn.appliances.platform.Superuser;
import flynn.appliances.sql.DatabaseEnv;
import flynn.appliances.sql.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PostgreSQL as the postgres appliance: app, service and stack {@code postgres}. */
public final class PostgresDialect implements SqlDialect {
  public static final DatabaseEnv ENV =
      new DatabaseEnv("postgres", 5432, "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE");
  static final String SUPERUSER = "flynn";
  static final String START = "/usr/local/bin/flynn-postgres-start";
  private static final String MAINTENANCE_DB = "postgres";

  @Override
  public DatabaseEnv env() {
    return ENV;
  }

  @Override
  public String stack() {
    return "postgres";
  }

  @Override
  public List<String> serverArgs(long memory) {
    List<String> args = new ArrayList<>(List.of(START));
    args.addAll(new PostgresTuning(memory).args());
    return args;
  }

  @Override
  public Map<String, String> superuserEnv(Secrets secrets) {
    return Map.of("PGUSER", SUPERUSER, "PGPASSWORD", secrets.password());
  }

  @Override
  public Superuser superuser(ServerAddress address, Map<String, String> env) {
    return new Superuser(address, env.getOrDefault("PGUSER", SUPERUSER), env.get("PGPASSWORD"));
  }

  @Override
  public String jdbcUrl(ServerAddress address, String database) {
    return "jdbc:postgresql://" + address + "/" + (database == null ? MAINTENANCE_DB : database);
  }

  /** Seconds. */
  @Override
  public Map<String, String> timeouts() {
    return Map.of("connectTimeout", "10", "socketTimeout", "60");
  }

  @Override
  public boolean isName(String id) {
    return PostgresStatements.isName(id);
  }

  @Override
  public List<String> create(String name, String password) {
    return PostgresStatements.create(name, password);
  }

  @Override
  public void drop(Connection superuser, String name) throws SQLException {
    try (Statement s = superuser.createStatement()) {
      for (String sql : PostgresStatements.drop(name)) {
        s.execute(sql);
      }
    }
  }
}
