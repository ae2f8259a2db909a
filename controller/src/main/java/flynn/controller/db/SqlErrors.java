package flynn.controller.db;

import java.sql.SQLException;

/** Recognises PostgreSQL error classes the API answers with a specific status. */
public final class SqlErrors {
  private static final String UNIQUE_VIOLATION = "23505";

  private SqlErrors() {}

  public static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
