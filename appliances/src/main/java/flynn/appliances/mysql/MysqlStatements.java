package flynn.appliances.mysql;

import flynn.appliances.sql.PasswordLiteral;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL that makes and drops a resource's user and database (named alike). MariaDB shows a user
 * only the databases it has grants on, so no one else gets in. Names and passwords are checked
 * against what {@link flynn.appliances.Secrets} makes, and quoted anyway.
 */
public final class MysqlStatements {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private MysqlStatements() {}

  public static List<String> create(String name, String password) {
    return List.of(
        "CREATE USER " + user(name) + " IDENTIFIED BY " + PasswordLiteral.of(password),
        "CREATE DATABASE " + database(name),
        "GRANT ALL PRIVILEGES ON " + database(name) + ".* TO " + user(name));
  }

  /** Drops the user first, so no new session starts while the old ones are ended. */
  public static String dropUser(String name) {
    return "DROP USER IF EXISTS " + user(name);
  }

  public static String dropDatabase(String name) {
    return "DROP DATABASE IF EXISTS " + database(name);
  }

  /** The sessions of the user, to end before the database goes: one column, {@code id}. */
  public static String sessionsOf() {
    return "SELECT id FROM information_schema.processlist WHERE user = ?";
  }

  public static boolean isName(String id) {
    return NAME.matcher(id).matches();
  }

  static String user(String name) {
    return "'" + checked(name) + "'@'%'";
  }

  static String database(String name) {
    return "`" + checked(name) + "`";
  }

  private static String checked(String name) {
    if (!isName(name)) {
      throw new IllegalArgumentException("not a resource name: " + name);
    }
    return name;
  }
}
