package flynn.cli.apps;

import flynn.api.controller.App;
import flynn.cli.CliException;
import java.util.regex.Pattern;

/** Flynn's rule for app names, checked before asking the controller. */
public final class AppNames {
  private static final Pattern VALID = Pattern.compile(App.NAME_PATTERN);

  private AppNames() {}

  public static String validate(String name) {
    if (name.length() > App.NAME_MAX_LENGTH || !VALID.matcher(name).matches()) {
      throw new CliException(
          "invalid app name \""
              + name
              + "\": use lowercase letters, digits and single dashes (e.g. my-app-2), at most "
              + App.NAME_MAX_LENGTH
              + " characters");
    }
    return name;
  }
}
