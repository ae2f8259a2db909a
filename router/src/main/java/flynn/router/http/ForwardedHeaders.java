package flynn.router.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The headers the router adds to a proxied request, Flynn's rules: {@code X-Forwarded-For}
 * (appended to the client's), {@code X-Forwarded-Proto}, {@code X-Forwarded-Port}, {@code
 * X-Request-Start} (epoch ms) and {@code X-Request-Id} (the client's when it is 20-200 characters
 * of {@code [a-zA-Z0-9+/=-]}, else a new UUID).
 */
public final class ForwardedHeaders {
  // AsciiString names keep their hash: a String name is hashed again on every header lookup
  static final AsciiString FOR = AsciiString.cached("X-Forwarded-For");
  static final AsciiString PROTO = AsciiString.cached("X-Forwarded-Proto");
  static final AsciiString PORT = AsciiString.cached("X-Forwarded-Port");
  static final AsciiString REQUEST_START = AsciiString.cached("X-Request-Start");
  static final AsciiString REQUEST_ID = AsciiString.cached("X-Request-Id");

  /** Where a request came in: the client's address and the listener's scheme and port. */
  public record Origin(String clientIp, String proto, int port) {}

  private ForwardedHeaders() {}

  /** Sets the forwarding headers on {@code headers}; returns the request id in force. */
  public static String apply(HttpHeaders headers, Origin origin, long nowMillis) {
    return apply(headers, origin, nowMillis, ForwardedHeaders::newRequestId);
  }

  /**
   * A random (version 4) UUID from the thread's own generator: request ids need to be unique, not
   * secret, and {@code UUID.randomUUID()} makes every event loop take one shared SecureRandom's
   * lock per request.
   */
  static String newRequestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  static String apply(HttpHeaders headers, Origin origin, long nowMillis, Supplier<String> ids) {
    String prior = headers.get(FOR);
    headers.set(
        FOR,
        prior == null || prior.isBlank() ? origin.clientIp() : prior + ", " + origin.clientIp());
    headers.set(PROTO, origin.proto());
    headers.set(PORT, Integer.toString(origin.port()));
    headers.set(REQUEST_START, Long.toString(nowMillis));
    String id = headers.get(REQUEST_ID);
    if (id == null || !isValidId(id)) {
      id = ids.get();
      headers.set(REQUEST_ID, id);
    }
    return id;
  }

  /** 20-200 characters of {@code [a-zA-Z0-9+/=-]}. */
  private static boolean isValidId(String id) {
    if (id.length() < 20 || id.length() > 200) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/'
              || c == '='
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
