package flynn.appliances.postgres;

import flynn.appliances.sql.PasswordLiteral;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL that makes and drops a resource's user and database (both named alike). Names and
 * passwords are checked against what {@link flynn.appliances.Secrets} makes, and quoted anyway.
 */
public final class PostgresStatements {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private PostgresStatements() {}

  /**
   * A login user, a database it owns, and no CONNECT for anyone else (PostgreSQL grants it to
   * PUBLIC by default, so any user could otherwise log in to it).
   */
  public static List<String> create(String name, String password) {
    String id = identifier(name);
    return List.of(
        "CREATE ROLE " + id + " WITH LOGIN PASSWORD " + PasswordLiteral.of(password),
        "CREATE DATABASE " + id + " OWNER " + id,
        "REVOKE ALL ON DATABASE " + id + " FROM PUBLIC");
  }

  /** Drops the database (ending its sessions: FORCE), then its user; either may be gone. */
  public static List<String> drop(String name) {
    String id = identifier(name);
    return List.of("DROP DATABASE IF EXISTS " + id + " WITH (FORCE)", "DROP ROLE IF EXISTS " + id);
  }

  /** Whether {@code id} is a name this provider could have made. */
  public static boolean isName(String id) {
    return NAME.matcher(id).matches();
  }

  static String identifier(String name) {
    if (!isName(name)) {
      throw new IllegalArgumentException("not a resource name: " + name);
    }
    return '"' + name + '"';
  }
}
