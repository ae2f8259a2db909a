package flynn.router.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.Iterator;
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

  /** The hop-by-hop names; a header's index here is its bit in {@link #present}'s mask. */
  private static final AsciiString[] NAMES = {
    HttpHeaderNames.CONNECTION,
    HttpHeaderNames.UPGRADE,
    KEEP_ALIVE,
    PROXY_CONNECTION,
    HttpHeaderNames.TE,
    HttpHeaderNames.TRAILER,
    HttpHeaderNames.PROXY_AUTHENTICATE,
    HttpHeaderNames.PROXY_AUTHORIZATION
  };

  private static final int CONNECTION = 0;
  private static final int UPGRADE = 1;

  private HopByHopHeaders() {}

  /** Removes the hop-by-hop headers; with {@code upgrade}, keeps {@code Connection: Upgrade}. */
  static void strip(HttpHeaders headers, boolean upgrade) {
    int present = present(headers);
    if (present == 0 && !upgrade) {
      return;
    }
    if ((present & 1 << CONNECTION) != 0) {
      for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
        for (String named : connection.split(",")) {
          String name = named.trim();
          if (!name.isEmpty() && indexOf(name) < 0) {
            headers.remove(name);
          }
        }
      }
    }
    for (int i = 0; i < NAMES.length; i++) {
      if ((present & 1 << i) != 0 && !(upgrade && i == UPGRADE)) {
        headers.remove(NAMES[i]);
      }
    }
    if (upgrade) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderNames.UPGRADE);
    }
  }

  /**
   * Which hop-by-hop headers there are, as a mask of their {@link #NAMES} indexes: one pass over
   * the (usually few) headers, so that only those present are removed (a backend's response usually
   * has just {@code Connection: keep-alive}).
   */
  private static int present(HttpHeaders headers) {
    int mask = 0;
    Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
    while (it.hasNext()) {
      int i = indexOf(it.next().getKey());
      if (i >= 0) {
        mask |= 1 << i;
      }
    }
    return mask;
  }

  /** The index of {@code name} in {@link #NAMES}, or -1 when it is no hop-by-hop header. */
  private static int indexOf(CharSequence name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (name.length() == NAMES[i].length()
          && AsciiString.contentEqualsIgnoreCase(name, NAMES[i])) {
        return i;
      }
    }
    return -1;
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
