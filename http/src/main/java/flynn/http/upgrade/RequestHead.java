package flynn.http.upgrade;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The request line and headers of an HTTP/1.1 request, read by hand for the requests that upgrade
 * the connection (Helidon's own HTTP/1 connection declines upgrades of requests with a body, and
 * Flynn's attach requests carry one). Header names are lower-case.
 */
record RequestHead(String method, String path, Map<String, String> headers) {
  private static final byte[] END = {'\r', '\n', '\r', '\n'};

  /** The length of the head (through its blank line) in {@code bytes}, or -1 if incomplete. */
  static int length(byte[] bytes) {
    for (int i = 0; i + END.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + END.length, END, 0, END.length)) {
        return i + END.length;
      }
    }
    return -1;
  }

  /** The method and path of a request line, or empty when it is not HTTP/1.1's. */
  static Optional<String[]> requestLine(String line) {
    String[] parts = line.strip().split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      return Optional.empty();
    }
    int query = parts[1].indexOf('?');
    String path = query < 0 ? parts[1] : parts[1].substring(0, query);
    return Optional.of(new String[] {parts[0], path});
  }

  static RequestHead parse(byte[] head) {
    String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] line =
        requestLine(lines[0])
            .orElseThrow(() -> new IllegalArgumentException("bad request line: " + lines[0]));
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    return new RequestHead(line[0], line[1], Map.copyOf(headers));
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** True when the request asks to switch to {@code protocol} (Flynn's test: contains). */
  boolean upgradesTo(String protocol) {
    return header("upgrade").map(u -> u.contains(protocol)).orElse(false);
  }

  long contentLength() {
    return header("content-length").map(Long::parseLong).orElse(0L);
  }
}
