package flynn.router.tls;

import flynn.api.router.Route;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;

/**
 * The answer to a plain-HTTP request on a route that wants HTTPS only ({@code https_redirect}):
 * {@code 308} to the same host, path and query over https, so the method and body are kept. ACME
 * HTTP-01 challenges ({@code /.well-known/acme-challenge/}) are served over plain HTTP, as
 * certificate authorities fetch them that way.
 */
public final class HttpsRedirect {
  static final String ACME_CHALLENGE = "/.well-known/acme-challenge/";
  private static final int DEFAULT_HTTPS_PORT = 443;

  private HttpsRedirect() {}

  /** Whether a plain-HTTP request for this route, host and path gets a redirect. */
  public static boolean applies(Route route, String hostHeader, String path) {
    return route.redirectsToHttps()
        && hostHeader != null
        && !hostHeader.isBlank()
        && (path == null || !path.startsWith(ACME_CHALLENGE));
  }

  /**
   * @param httpsPort the router's HTTPS port, left out of the URL when it is 443
   * @throws IllegalArgumentException when the request names no host
   */
  public static FullHttpResponse response(HttpRequest request, int httpsPort, boolean keepAlive) {
    String host = request.headers().get(HttpHeaderNames.HOST);
    var response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.PERMANENT_REDIRECT);
    response.headers().set(HttpHeaderNames.LOCATION, location(host, request.uri(), httpsPort));
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    HttpUtil.setKeepAlive(response, keepAlive);
    return response;
  }

  static String location(String hostHeader, String uri, int httpsPort) {
    if (hostHeader == null || hostHeader.isBlank()) {
      throw new IllegalArgumentException("a redirect to https needs the request's Host header");
    }
    String host = withoutPort(hostHeader.trim());
    String port = httpsPort == DEFAULT_HTTPS_PORT ? "" : ":" + httpsPort;
    return "https://" + host + port + pathAndQuery(uri);
  }

  private static String withoutPort(String host) {
    int colon = host.lastIndexOf(':');
    boolean portAfterIpv6 = host.startsWith("[") && colon > host.indexOf(']');
    boolean portAfterName = !host.startsWith("[") && colon >= 0;
    return portAfterIpv6 || portAfterName ? host.substring(0, colon) : host;
  }

  /**
   * Origin-form URIs as they are; absolute-form ones ({@code http://host/path}) lose scheme and
   * host.
   */
  private static String pathAndQuery(String uri) {
    if (uri.startsWith("/")) {
      return uri;
    }
    if (uri.isEmpty() || "*".equals(uri)) {
      return "/";
    }
    URI parsed = URI.create(uri);
    String path =
        parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
    return parsed.getRawQuery() == null ? path : path + "?" + parsed.getRawQuery();
  }
}
