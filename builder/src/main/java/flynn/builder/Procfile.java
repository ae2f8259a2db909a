package flynn.builder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku's Procfile: one {@code name: command} per line, in file order; blank lines, comments and
 * lines of another shape are skipped. Commands are kept as written: a shell runs them.
 */
final class Procfile {
  private static final Pattern LINE = Pattern.compile("^([A-Za-z0-9_-]+):\\s*(\\S.*?)\\s*$");

  private Procfile() {}

  static Map<String, String> parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        types.put(m.group(1), m.group(2));
      }
    }
    return Collections.unmodifiableMap(types);
  }
}
