package flynn.router.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Headers that describe one connection, not the message, and so are not forwarded (RFC 9110 7.6.1):
 * {@code Connection} and every header it names, {@code Keep-Alive}, {@code Proxy-Connection},
 * {@code TE}, {@code Trailer}, {@code Upgrade} (kept for an upgrade). {@code Transfer-Encoding}
 * stays: the codec re-frames the body by it.
 */
final class HopByHopHeaders {
  // Netty deprecates its constants for these two (RFC 9110 drops them); proxies still strip them
  private static final AsciiString KEEP_ALIVE = AsciiString.cached("keep-alive");
  private static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");
  private static final List<CharSequence> ALWAYS =
      List.of(
          KEEP_ALIVE,
          PROXY_CONNECTION,
          HttpHeaderNames.TE,
          HttpHeaderNames.TRAILER,
          HttpHeaderNames.PROXY_AUTHENTICATE,
          HttpHeaderNames.PROXY_AUTHORIZATION);

  private HopByHopHeaders() {}

  /** Removes the hop-by-hop headers; with {@code upgrade}, keeps {@code Connection: Upgrade}. */
  static void strip(HttpHeaders headers, boolean upgrade) {
    if (!upgrade && !hasAny(headers)) {
      return;
    }
    for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
      for (String named : connection.split(",")) {
        String name = named.trim();
        if (!name.isEmpty() && !(upgrade && name.equalsIgnoreCase("upgrade"))) {
          headers.remove(name);
        }
      }
    }
    headers.remove(HttpHeaderNames.CONNECTION);
    ALWAYS.forEach(headers::remove);
    if (upgrade) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderNames.UPGRADE);
    } else {
      headers.remove(HttpHeaderNames.UPGRADE);
    }
  }

  /**
   * Whether any header is hop-by-hop: one pass over the (usually few) headers, instead of a removal
   * per name on every message. Headers named by {@code Connection} need a {@code Connection}.
   */
  private static boolean hasAny(HttpHeaders headers) {
    Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
    while (it.hasNext()) {
      if (isHopByHop(it.next().getKey())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHopByHop(CharSequence name) {
    return switch (name.length()) {
      case 2 -> AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.TE);
      case 7 ->
          AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.TRAILER)
              || AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.UPGRADE);
      case 10 ->
          AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONNECTION)
              || AsciiString.contentEqualsIgnoreCase(name, KEEP_ALIVE);
      case 16 -> AsciiString.contentEqualsIgnoreCase(name, PROXY_CONNECTION);
      case 18 -> AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.PROXY_AUTHENTICATE);
      case 19 -> AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.PROXY_AUTHORIZATION);
      default -> false;
    };
  }

  /**
   * Whether the request asks to switch protocols ({@code Connection: Upgrade} and an Upgrade),
   * other than to cleartext HTTP/2: backends are spoken to in HTTP/1.1, so an {@code h2c} offer
   * (which the JDK client makes on every new connection) is dropped, as nginx does.
   */
  static boolean isUpgrade(HttpHeaders headers) {
    String protocol = headers.get(HttpHeaderNames.UPGRADE);
    return protocol != null
        && !protocol.trim().equalsIgnoreCase("h2c")
        && headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderNames.UPGRADE, true);
  }
}
