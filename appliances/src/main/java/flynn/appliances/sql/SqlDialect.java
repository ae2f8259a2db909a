package flynn.appliances.sql;

import flynn.appliances.Secrets;
import flynn.appliances.platform.ServerAddress;
import flynn.appliances.platform.Superuser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What differs between the SQL servers a database provider runs on (PostgreSQL, MariaDB); the rest
 * of the model is shared: one server app, a database and a user per resource.
 */
public interface SqlDialect {
  /** The provider's name, the appliance's app and service, and the env apps get. */
  DatabaseEnv env();

  /** The stack image the server is installed in. */
  String stack();

  /** The server's start command, tuned for a job of {@code memory} bytes. */
  List<String> serverArgs(long memory);

  /** The first release's env: the superuser, with a password made once. */
  Map<String, String> superuserEnv(Secrets secrets);

  /** The superuser a release's env names, at {@code address}. */
  Superuser superuser(ServerAddress address, Map<String, String> env);

  /** The JDBC URL of {@code database}, or of the server's own when null. */
  String jdbcUrl(ServerAddress address, String database);

  /** The driver's connect and socket timeouts, in its own property names and units. */
  Map<String, String> timeouts();

  /** Whether {@code id} is a name this provider could have made. */
  boolean isName(String id);

  /** The statements that make a resource's user and database, both named {@code name}. */
  List<String> create(String name, String password);

  /** Drops a resource's user and database, ending their sessions; either may be gone. */
  void drop(Connection superuser, String name) throws SQLException;
}
