package flynn.appliances.sql;

import java.util.regex.Pattern;

/** A password as a SQL string literal: only what {@link flynn.appliances.Secrets} makes. */
public final class PasswordLiteral {
  private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9]{16,128}");

  private PasswordLiteral() {}

  public static String of(String password) {
    if (!PASSWORD.matcher(password).matches()) {
      throw new IllegalArgumentException("a password must be 16 to 128 letters and digits");
    }
    return "'" + password + "'";
  }
}
