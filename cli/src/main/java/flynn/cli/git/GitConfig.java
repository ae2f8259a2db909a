package flynn.cli.git;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the CLI needs from a repository's {@code .git/config}: its remotes' URLs and the optional
 * {@code flynn.remote} setting. Section and key names are case-insensitive, as in git.
 */
public record GitConfig(Map<String, String> remotes, Optional<String> flynnRemote) {
  public static final GitConfig EMPTY = new GitConfig(Map.of(), Optional.empty());

  private static final Pattern SECTION =
      Pattern.compile("\\[\\s*([A-Za-z0-9.-]+)(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\")?\\s*\\]\\s*(.*)");

  public GitConfig {
    remotes = Map.copyOf(remotes);
  }

  public static GitConfig parse(String text) {
    Map<String, String> remotes = new LinkedHashMap<>();
    String flynnRemote = null;
    String section = "";
    String subsection = null;
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      Matcher m = SECTION.matcher(line);
      if (m.matches()) {
        section = m.group(1).toLowerCase(Locale.ROOT);
        subsection = m.group(2) == null ? null : m.group(2).replaceAll("\\\\(.)", "$1");
        if (subsection == null && section.contains(".")) {
          subsection = section.substring(section.indexOf('.') + 1);
          section = section.substring(0, section.indexOf('.'));
        }
        line = m.group(3).strip();
      }
      int eq = line.indexOf('=');
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = value(line.substring(eq + 1));
      if (section.equals("remote") && subsection != null && key.equals("url")) {
        remotes.put(subsection, value);
      } else if (section.equals("flynn") && subsection == null && key.equals("remote")) {
        flynnRemote = value;
      }
    }
    return new GitConfig(remotes, Optional.ofNullable(flynnRemote).filter(s -> !s.isEmpty()));
  }

  public Optional<String> remoteUrl(String name) {
    return Optional.ofNullable(remotes.get(name));
  }

  /** A git config value: quotes removed, escapes resolved, an unquoted comment dropped. */
  static String value(String raw) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    String s = raw.strip();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        out.append(
            switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'b' -> '\b';
              default -> e;
            });
      } else if ((c == '#' || c == ';') && !quoted) {
        break;
      } else {
        out.append(c);
      }
    }
    return out.toString().strip();
  }
}
