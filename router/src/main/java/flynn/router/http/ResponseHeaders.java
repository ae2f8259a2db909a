package flynn.router.http;

import flynn.router.sticky.StickyCookies;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;

/**
 * How a backend's response head is passed to the client: hop-by-hop headers dropped, the client's
 * keep-alive restored, a body of unknown length re-framed as chunked (HTTP/1.1) or ended by a close
 * (HTTP/1.0), and the sticky cookie set when the backend differs from the cookie's.
 */
final class ResponseHeaders {
  private ResponseHeaders() {}

  static void prepare(Exchange e, HttpResponse res, StickyCookies sticky) {
    int code = res.status().code();
    e.interim = code >= 100 && code < 200;
    if (e.interim) {
      return;
    }
    e.status = code;
    e.headSent = true;
    e.backendKeepAlive = e.backendKeepAlive && HttpUtil.isKeepAlive(res);
    HopByHopHeaders.strip(res.headers(), false);
    boolean keepAlive = e.clientKeepAlive && !e.closeAfter;
    if (hasBody(e, code)
        && !HttpUtil.isContentLengthSet(res)
        && !HttpUtil.isTransferEncodingChunked(res)) {
      if (e.request.protocolVersion().minorVersion() >= 1) {
        HttpUtil.setTransferEncodingChunked(res, true);
      } else {
        keepAlive = false;
      }
    }
    e.closeAfter = !keepAlive;
    HttpUtil.setKeepAlive(res, keepAlive);
    if (e.route.isSticky() && !e.backend.addr().equals(e.stickyAddr)) {
      res.headers().add(HttpHeaderNames.SET_COOKIE, sticky.setCookie(e.backend.addr()));
    }
  }

  private static boolean hasBody(Exchange e, int code) {
    return code != 204 && code != 304 && !HttpMethod.HEAD.equals(e.request.method());
  }
}
