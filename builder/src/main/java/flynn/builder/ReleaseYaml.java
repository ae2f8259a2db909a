package flynn.builder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code default_process_types} of a buildpack's {@code bin/release} output: the subset of YAML
 * buildpacks write there (a block map of plain, single- or double-quoted scalars, or {@code {}}).
 */
final class ReleaseYaml {
  private static final String KEY = "default_process_types:";
  private static final Pattern ENTRY = Pattern.compile("^\\s+([A-Za-z0-9_-]+):\\s*(.*?)\\s*$");

  private ReleaseYaml() {}

  static Map<String, String> defaultProcessTypes(String yaml) {
    Map<String, String> types = new LinkedHashMap<>();
    boolean inTypes = false;
    for (String line : yaml.lines().toList()) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        inTypes = line.startsWith(KEY);
        continue;
      }
      Matcher m = ENTRY.matcher(line);
      if (inTypes && m.matches() && !m.group(2).isEmpty()) {
        types.put(m.group(1), scalar(m.group(2)));
      }
    }
    return Collections.unmodifiableMap(types);
  }

  static String scalar(String value) {
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      return value.substring(1, value.length() - 1).replace("''", "'");
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return unescape(value.substring(1, value.length() - 1));
    }
    return value;
  }

  private static String unescape(String quoted) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length()) {
        char next = quoted.charAt(++i);
        out.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
