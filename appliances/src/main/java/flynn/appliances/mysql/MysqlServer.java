package flynn.appliances.mysql;

import flynn.appliances.platform.Superuser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JDBC to a MariaDB server as root: logins checked, statements run, sessions ended. */
public final class MysqlServer {
  private static final Logger LOG = LoggerFactory.getLogger(MysqlServer.class);
  private static final int TIMEOUT_SECONDS = 10;

  private MysqlServer() {}

  /** Whether {@code user} can log in (to {@code database}, or none when null). */
  public static boolean acceptsLogin(Superuser user, String database) {
    try (Connection c = connect(user, database)) {
      return c.isValid(TIMEOUT_SECONDS);
    } catch (SQLException e) {
      LOG.debug("addr={} event=login-refused error=\"{}\"", user.address(), e.getMessage());
      return false;
    }
  }

  public static boolean acceptsLogin(Superuser user) {
    return acceptsLogin(user, null);
  }

  public static void run(Superuser user, List<String> statements) throws SQLException {
    try (Connection c = connect(user, null);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** Ends every session of {@code name}; one that ended meanwhile is no error. */
  public static void killSessions(Superuser user, String name) throws SQLException {
    try (Connection c = connect(user, null)) {
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(MysqlStatements.sessionsOf())) {
        q.setString(1, name);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      try (Statement s = c.createStatement()) {
        for (long id : ids) {
          kill(s, id);
        }
      }
    }
  }

  private static void kill(Statement s, long id) {
    try {
      s.execute("KILL CONNECTION " + id);
    } catch (SQLException e) {
      LOG.debug("session={} event=kill-skipped error=\"{}\"", id, e.getMessage());
    }
  }

  static Connection connect(Superuser user, String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user.user());
    p.setProperty("password", user.password());
    p.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS * 1000));
    String url =
        "jdbc:mariadb://"
            + user.address().host()
            + ":"
            + user.address().port()
            + "/"
            + (database == null ? "" : database);
    return DriverManager.getConnection(url, p);
  }
}
