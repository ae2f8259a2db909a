package flynn.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small TOML reader and writer for the CLI config's shape: bare or quoted keys, single-line
 * values, comments, {@code [table]} and {@code [[array]]} headers. Multi-line strings and dotted
 * keys are rejected with the line number.
 */
final class Toml {
  private Toml() {}

  static TomlDocument parse(String text, String source) {
    Map<String, String> top = new LinkedHashMap<>();
    List<TomlDocument.Section> sections = new ArrayList<>();
    Map<String, String> current = top;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Line line = new Line(lines[i], source, i + 1);
      line.skipSpace();
      if (line.atEndOrComment()) {
        continue;
      }
      if (line.peek() == '[') {
        TomlDocument.Section section = line.header();
        sections.add(section);
        current = section.entries();
        continue;
      }
      String key = line.key();
      if (current.containsKey(key)) {
        throw line.error("duplicate key " + key);
      }
      current.put(key, line.valueAfterEquals());
    }
    return new TomlDocument(top, sections);
  }

  /** The decoded value of a raw TOML string literal ({@code "..."} or {@code '...'}). */
  static String string(String raw, String source, String key) {
    if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
      return raw.substring(1, raw.length() - 1);
    }
    if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
      return unescape(raw.substring(1, raw.length() - 1), source, key);
    }
    throw new ConfigException(source + ": " + key + " must be a string, got " + raw);
  }

  /** A basic TOML string literal, escaped as Flynn's TOML encoder does. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A key as TOML needs it: bare when it can be, quoted otherwise. */
  static String key(String k) {
    return !k.isEmpty() && k.chars().allMatch(Toml::isBareKeyChar) ? k : quote(k);
  }

  static boolean isBareKeyChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  private static String unescape(String body, String source, String key) {
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = body.charAt(++i);
      switch (e) {
        case 'b' -> out.append('\b');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'f' -> out.append('\f');
        case 'r' -> out.append('\r');
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case 'u', 'U' -> {
          int len = e == 'u' ? 4 : 8;
          out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 1 + len), 16));
          i += len;
        }
        default -> throw new ConfigException(source + ": bad escape \\" + e + " in " + key);
      }
    }
    return out.toString();
  }

  /** A cursor over one line of the file. */
  private static final class Line {
    private final String text;
    private final String source;
    private final int number;
    private int pos;

    Line(String text, String source, int number) {
      this.text = text;
      this.source = source;
      this.number = number;
    }

    ConfigException error(String what) {
      return new ConfigException(source + " line " + number + ": " + what);
    }

    char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    void skipSpace() {
      while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
        pos++;
      }
    }

    boolean atEndOrComment() {
      return pos >= text.length() || text.charAt(pos) == '#';
    }

    void expectEnd() {
      skipSpace();
      if (!atEndOrComment()) {
        throw error("unexpected text after value: " + text.substring(pos));
      }
    }

    TomlDocument.Section header() {
      boolean array = text.startsWith("[[", pos);
      pos += array ? 2 : 1;
      skipSpace();
      String name = key();
      skipSpace();
      String close = array ? "]]" : "]";
      if (!text.startsWith(close, pos)) {
        throw error("expected " + close + " after table name " + name);
      }
      pos += close.length();
      expectEnd();
      return new TomlDocument.Section(name, array, new LinkedHashMap<>());
    }

    String key() {
      char c = peek();
      String key;
      if (c == '"' || c == '\'') {
        String raw = stringLiteral();
        key = Toml.string(raw, source + " line " + number, "key");
      } else {
        int start = pos;
        while (pos < text.length() && isBareKeyChar(text.charAt(pos))) {
          pos++;
        }
        if (start == pos) {
          throw error("expected a key, got: " + text.substring(pos));
        }
        key = text.substring(start, pos);
      }
      skipSpace();
      if (peek() == '.') {
        throw error("dotted keys are not supported");
      }
      return key;
    }

    String valueAfterEquals() {
      if (peek() != '=') {
        throw error("expected = after key");
      }
      pos++;
      skipSpace();
      String raw = value();
      expectEnd();
      return raw;
    }

    private String value() {
      char c = peek();
      if (text.startsWith("\"\"\"", pos) || text.startsWith("'''", pos)) {
        throw error("multi-line strings are not supported");
      }
      if (c == '"' || c == '\'') {
        return stringLiteral();
      }
      if (c == '[' || c == '{') {
        return bracketed();
      }
      int start = pos;
      while (pos < text.length() && " \t#".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      if (start == pos) {
        throw error("missing value");
      }
      return text.substring(start, pos);
    }

    private String stringLiteral() {
      char quote = text.charAt(pos);
      int start = pos++;
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == quote) {
          return text.substring(start, pos);
        }
        if (c == '\\' && quote == '"') {
          checkEscape();
        }
      }
      throw error("unterminated string");
    }

    private void checkEscape() {
      char e = peek();
      int len =
          switch (e) {
            case 'b', 't', 'n', 'f', 'r', '"', '\\' -> 0;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> throw error("bad escape \\" + e);
          };
      pos++;
      for (int i = 0; i < len; i++, pos++) {
        if (Character.digit(peek(), 16) < 0) {
          throw error("bad unicode escape");
        }
      }
    }

    private String bracketed() {
      int start = pos;
      int depth = 0;
      while (pos < text.length()) {
        char c = peek();
        if (c == '"' || c == '\'') {
          stringLiteral();
          continue;
        }
        pos++;
        if (c == '[' || c == '{') {
          depth++;
        } else if ((c == ']' || c == '}') && --depth == 0) {
          return text.substring(start, pos);
        }
      }
      throw error("unterminated array or inline table (multi-line values are not supported)");
    }
  }
}
