package flynn.router.http;

import flynn.api.router.Route;
import flynn.router.backends.Backend;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/** One request and its response as they pass the proxy; confined to its event loop. */
final class Exchange {
  final HttpRequest request;
  final long startNanos;
  final boolean clientKeepAlive;
  final boolean upgrade;
  final boolean hasRequestBody;

  /** The Host header (null when absent), read once for the route match and the access log. */
  final String host;

  String requestId = "";
  Route route;
  String stickyAddr;
  BackendConnector.Connection connection;
  Backend backend;
  int status;
  long bytes;
  long bytesIn;
  Backend observedBackend;
  boolean observedEnd;
  boolean headSent;
  boolean interim;
  boolean backendKeepAlive;
  boolean requestDone;
  boolean responseDone;
  boolean closeAfter;
  boolean logged;

  Exchange(HttpRequest request, long startNanos, boolean clientKeepAlive, boolean upgrade) {
    this.request = request;
    this.startNanos = startNanos;
    this.clientKeepAlive = clientKeepAlive;
    this.upgrade = upgrade;
    this.host = request.headers().get(HttpHeaderNames.HOST);
    this.hasRequestBody =
        HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
  }

  boolean done() {
    return requestDone && responseDone;
  }

  boolean hasRequestBody() {
    return hasRequestBody;
  }

  String path() {
    String uri = request.uri();
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }
}
