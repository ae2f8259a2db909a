package flynn.router.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The headers the router adds to a proxied request, Flynn's rules: {@code X-Forwarded-For}
 * (appended to the client's), {@code X-Forwarded-Proto}, {@code X-Forwarded-Port}, {@code
 * X-Request-Start} (epoch ms) and {@code X-Request-Id} (the client's when it is 20-200 characters
 * of {@code [a-zA-Z0-9+/=-]}, else a new UUID).
 */
public final class ForwardedHeaders {
  static final String FOR = "X-Forwarded-For";
  static final String PROTO = "X-Forwarded-Proto";
  static final String PORT = "X-Forwarded-Port";
  static final String REQUEST_START = "X-Request-Start";
  static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern VALID_ID = Pattern.compile("[a-zA-Z0-9+/=-]{20,200}");

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
    if (id == null || !VALID_ID.matcher(id).matches()) {
      id = ids.get();
      headers.set(REQUEST_ID, id);
    }
    return id;
  }
}
