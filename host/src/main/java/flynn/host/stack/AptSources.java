package flynn.host.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the machine's apt sources: {@code sources.list} and {@code sources.list.d/*.list} in the
 * one-line format, {@code sources.list.d/*.sources} in the deb822 format, in the order apt reads
 * them (the main file first, then the directory by name).
 */
public final class AptSources {
  private AptSources() {}

  /** Every source under an apt config dir such as {@code /etc/apt}; none when it has none. */
  public static List<AptSource> read(Path aptDir) throws IOException {
    List<AptSource> sources = new ArrayList<>();
    Path main = aptDir.resolve("sources.list");
    if (Files.isRegularFile(main)) {
      sources.addAll(parseOneLine(Files.readString(main)));
    }
    Path parts = aptDir.resolve("sources.list.d");
    if (Files.isDirectory(parts)) {
      try (Stream<Path> files = Files.list(parts)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(".list")) {
            sources.addAll(parseOneLine(Files.readString(file)));
          } else if (name.endsWith(".sources")) {
            sources.addAll(parseDeb822(Files.readString(file)));
          }
        }
      }
    }
    return sources;
  }

  /** {@code deb [option=value ...] uri suite component...} lines; comments and blanks skipped. */
  static List<AptSource> parseOneLine(String text) {
    List<AptSource> sources = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = stripComment(raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      String type = line.split("\\s+", 2)[0];
      String rest = line.substring(type.length()).strip();
      if (rest.startsWith("[")) {
        int end = rest.indexOf(']');
        rest = end < 0 ? "" : rest.substring(end + 1).strip();
      }
      String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
      if (words.length < 2) {
        continue; // not a source line apt would accept either
      }
      sources.add(
          new AptSource(
              List.of(type),
              List.of(words[0]),
              List.of(words[1]),
              Arrays.asList(words).subList(2, words.length)));
    }
    return sources;
  }

  /**
   * Stanzas separated by blank lines of {@code Field: value} lines (continuation lines start with a
   * blank); stanzas with {@code Enabled: no} or without URIs or suites are skipped.
   */
  static List<AptSource> parseDeb822(String text) {
    List<AptSource> sources = new ArrayList<>();
    for (Map<String, String> stanza : stanzas(text)) {
      if ("no".equalsIgnoreCase(stanza.getOrDefault("enabled", "yes").strip())) {
        continue;
      }
      AptSource source =
          new AptSource(
              words(stanza.get("types")),
              words(stanza.get("uris")),
              words(stanza.get("suites")),
              words(stanza.get("components")));
      if (!source.uris().isEmpty() && !source.suites().isEmpty()) {
        sources.add(source);
      }
    }
    return sources;
  }

  private static List<Map<String, String>> stanzas(String text) {
    List<Map<String, String>> stanzas = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    String field = null;
    for (String raw : text.split("\n")) {
      if (raw.startsWith("#")) {
        continue;
      }
      if (raw.isBlank()) {
        if (!current.isEmpty()) {
          stanzas.add(current);
          current = new LinkedHashMap<>();
        }
        field = null;
      } else if (Character.isWhitespace(raw.charAt(0)) && field != null) {
        current.merge(field, " " + raw.strip(), String::concat);
      } else if (raw.contains(":")) {
        field = raw.substring(0, raw.indexOf(':')).strip().toLowerCase(Locale.ROOT);
        current.put(field, raw.substring(raw.indexOf(':') + 1).strip());
      }
    }
    if (!current.isEmpty()) {
      stanzas.add(current);
    }
    return stanzas;
  }

  private static List<String> words(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return List.of(value.strip().split("\\s+"));
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }
}
