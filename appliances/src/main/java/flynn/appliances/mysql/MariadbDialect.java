package flynn.appliances.mysql;

import flynn.appliances.Secrets;
import flynn.appliances.platform.ServerAddress;
import flynn.appliances.platform.Superuser;
import flynn.appliances.sql.DatabaseEnv;
import flynn.appliances.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MariaDB as the mysql appliance: app and service {@code mysql}, stack {@code mariadb}. */
public final class MariadbDialect implements SqlDialect {
  private static final Logger LOG = LoggerFactory.getLogger(MariadbDialect.class);
  public static final DatabaseEnv ENV =
      new DatabaseEnv(
          "mysql", 3306, "MYSQL_HOST", "MYSQL_PORT", "MYSQL_USER", "MYSQL_PWD", "MYSQL_DATABASE");
  static final String ROOT = "root";
  static final String START = "/usr/local/bin/flynn-mariadb-start";

  @Override
  public DatabaseEnv env() {
    return ENV;
  }

  @Override
  public String stack() {
    return "mariadb";
  }

  @Override
  public List<String> serverArgs(long memory) {
    List<String> args = new ArrayList<>(List.of(START));
    args.addAll(new MariadbTuning(memory).args());
    return args;
  }

  @Override
  public Map<String, String> superuserEnv(Secrets secrets) {
    return Map.of("MYSQL_PWD", secrets.password());
  }

  @Override
  public Superuser superuser(ServerAddress address, Map<String, String> env) {
    return new Superuser(address, ROOT, env.get("MYSQL_PWD"));
  }

  /** No database when null: MariaDB needs none to log in. */
  @Override
  public String jdbcUrl(ServerAddress address, String database) {
    return "jdbc:mariadb://" + address + "/" + (database == null ? "" : database);
  }

  /** Milliseconds. */
  @Override
  public Map<String, String> timeouts() {
    return Map.of("connectTimeout", "10000");
  }

  @Override
  public boolean isName(String id) {
    return MysqlStatements.isName(id);
  }

  @Override
  public List<String> create(String name, String password) {
    return MysqlStatements.create(name, password);
  }

  /** The user first, so no new session starts while the old ones are ended, then the data. */
  @Override
  public void drop(Connection root, String name) throws SQLException {
    try (Statement s = root.createStatement()) {
      s.execute(MysqlStatements.dropUser(name));
      for (long id : sessionsOf(root, name)) {
        kill(s, id);
      }
      s.execute(MysqlStatements.dropDatabase(name));
    }
  }

  private static List<Long> sessionsOf(Connection root, String name) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement q = root.prepareStatement(MysqlStatements.sessionsOf())) {
      q.setString(1, name);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /** A session that ended meanwhile is no error. */
  private static void kill(Statement s, long id) {
    try {
      s.execute("KILL CONNECTION " + id);
    } catch (SQLException e) {
      LOG.debug("session={} event=kill-skipped error=\"{}\"", id, e.getMessage());
    }
  }
}
