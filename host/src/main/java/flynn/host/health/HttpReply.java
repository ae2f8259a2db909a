package flynn.host.health;

import java.nio.charset.StandardCharsets;

/** Judges what an HTTP check read: the status line, the headers, some of the body. Pure. */
final class HttpReply {
  private HttpReply() {}

  static ProbeResult judge(CheckSpec spec, byte[] reply) {
    String text = new String(reply, StandardCharsets.ISO_8859_1);
    int status = status(text);
    if (status < 0) {
      return ProbeResult.fail("GET " + spec.path() + ": not an HTTP reply");
    }
    if (!spec.statusPasses(status)) {
      return ProbeResult.fail(
          "GET " + spec.path() + ": status " + status + ", expected " + spec.expectedStatus());
    }
    if (spec.match() != null && !spec.match().matcher(body(text)).find()) {
      return ProbeResult.fail(
          "GET " + spec.path() + ": body does not match /" + spec.match().pattern() + "/");
    }
    return ProbeResult.pass();
  }

  /** The status code of {@code HTTP/1.x NNN ...}, or -1. */
  static int status(String text) {
    if (!text.startsWith("HTTP/") || text.length() < 12) {
      return -1;
    }
    int space = text.indexOf(' ');
    if (space < 0 || space + 4 > text.length()) {
      return -1;
    }
    try {
      return Integer.parseInt(text.substring(space + 1, space + 4));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The body's first {@link HttpProbe#BODY_LIMIT} bytes, as UTF-8. */
  static String body(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return "";
    }
    String raw = text.substring(end + 4);
    byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
    int n = Math.min(bytes.length, HttpProbe.BODY_LIMIT);
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }
}
