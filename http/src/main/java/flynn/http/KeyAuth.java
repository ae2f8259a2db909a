package flynn.http;

import flynn.api.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

/**
 * Requires HTTP Basic auth with an empty user and the cluster key as password (Flynn's scheme) on
 * every path but the public ones. The comparison is constant-time.
 */
public final class KeyAuth implements Filter {
  private final byte[] key;
  private final Set<String> publicPaths;

  public KeyAuth(String key, Set<String> publicPaths) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
    this.publicPaths = Set.copyOf(publicPaths);
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (publicPaths.contains(req.path().path()) || authorized(req)) {
      chain.proceed();
      return;
    }
    res.header(HeaderNames.WWW_AUTHENTICATE, "Basic realm=\"flynn\"");
    Responses.error(res, ApiException.unauthorized());
  }

  private boolean authorized(RoutingRequest req) {
    return req.headers()
        .first(HeaderNames.AUTHORIZATION)
        .map(KeyAuth::password)
        .map(p -> MessageDigest.isEqual(p.getBytes(StandardCharsets.UTF_8), key))
        .orElse(false);
  }

  /** True when {@code authorizationHeader} carries {@code key} as its Basic password. */
  public static boolean accepts(String key, String authorizationHeader) {
    return MessageDigest.isEqual(
        password(authorizationHeader).getBytes(StandardCharsets.UTF_8),
        key.getBytes(StandardCharsets.UTF_8));
  }

  /** The password of a Basic credential (any user: Flynn's clients send an empty one). */
  static String password(String header) {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return "";
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? "" : decoded.substring(colon + 1);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
