package flynn.appliances.postgres;

import flynn.appliances.platform.Superuser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JDBC to a PostgreSQL server as its superuser: logins checked, statements run one by one. */
public final class PostgresServer {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
  private static final String MAINTENANCE_DB = "postgres";
  private static final int TIMEOUT_SECONDS = 10;

  private PostgresServer() {}

  /** Whether {@code user} can log in to {@code database}. */
  public static boolean acceptsLogin(Superuser user, String database) {
    try (Connection c = connect(user, database)) {
      return c.isValid(TIMEOUT_SECONDS);
    } catch (SQLException e) {
      LOG.debug("addr={} event=login-refused error=\"{}\"", user.address(), e.getMessage());
      return false;
    }
  }

  public static boolean acceptsLogin(Superuser user) {
    return acceptsLogin(user, MAINTENANCE_DB);
  }

  /** Runs {@code statements} in order, each on its own (CREATE DATABASE takes no transaction). */
  public static void run(Superuser user, List<String> statements) throws SQLException {
    try (Connection c = connect(user, MAINTENANCE_DB);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static Connection connect(Superuser user, String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user.user());
    p.setProperty("password", user.password());
    p.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
    p.setProperty("socketTimeout", "60");
    String url =
        "jdbc:postgresql://" + user.address().host() + ":" + user.address().port() + "/" + database;
    return DriverManager.getConnection(url, p);
  }
}
