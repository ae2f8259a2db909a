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

  /**
   * Whether the first {@code len} bytes of {@code buf} are enough to judge: the head, and when
   * {@code needBody} {@link HttpProbe#BODY_LIMIT} bytes of body or all of it (Content-Length).
   */
  static boolean complete(byte[] buf, int len, boolean needBody) {
    String text = new String(buf, 0, len, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    if (!needBody) {
      return true;
    }
    int body = len - (end + 4);
    long length = contentLength(text.substring(0, end));
    return body >= HttpProbe.BODY_LIMIT || (length >= 0 && body >= length);
  }

  /** The Content-Length header's value, or -1 without one. */
  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
        try {
          return Long.parseLong(line.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
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
