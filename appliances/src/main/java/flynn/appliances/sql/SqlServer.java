package flynn.appliances.sql;

import flynn.appliances.platform.Superuser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JDBC to a SQL server of a dialect: logins checked, statements run, resources dropped. */
public final class SqlServer {
  private static final Logger LOG = LoggerFactory.getLogger(SqlServer.class);
  private static final int VALID_TIMEOUT_SECONDS = 10;

  private final SqlDialect dialect;

  public SqlServer(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /** Whether {@code user} can log in to {@code database} (the server's own when null). */
  public boolean acceptsLogin(Superuser user, String database) {
    try (Connection c = connect(user, database)) {
      return c.isValid(VALID_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      LOG.debug("addr={} event=login-refused error=\"{}\"", user.address(), e.getMessage());
      return false;
    }
  }

  public boolean acceptsLogin(Superuser user) {
    return acceptsLogin(user, null);
  }

  /** Runs {@code statements} in order, each on its own (CREATE DATABASE takes no transaction). */
  public void run(Superuser user, List<String> statements) throws SQLException {
    try (Connection c = connect(user, null);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  public void drop(Superuser user, String name) throws SQLException {
    try (Connection c = connect(user, null)) {
      dialect.drop(c, name);
    }
  }

  public Connection connect(Superuser user, String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user.user());
    p.setProperty("password", user.password());
    dialect.timeouts().forEach(p::setProperty);
    return DriverManager.getConnection(dialect.jdbcUrl(user.address(), database), p);
  }
}
