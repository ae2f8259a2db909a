package flynn.router.http;

import flynn.router.backends.BackendSource;
import flynn.router.backends.RequestObserver;
import flynn.router.net.Transport;
import flynn.router.routes.LiveRoutes;
import flynn.router.sticky.StickyCookies;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * The HTTP proxy's shared parts (routes, backends, backend connection pools, sticky cookies, access
 * log) and the pipeline pieces that use them. Listeners install it with {@link #initializer} (plain
 * HTTP/1.1), {@link #addHttp1Handlers} (HTTP/1.1 after e.g. an SslHandler) or {@link
 * #newProxyHandler} (a channel that already carries HTTP/1.x objects, such as an HTTP/2 stream
 * after {@code Http2StreamFrameToHttpObjectCodec}).
 */
public final class HttpProxy {
  /**
   * The largest body part the codecs hand on: larger than any one socket read, so that a read
   * becomes one part (a zero-copy slice) and one write, not a write per 8 KiB (Netty's default).
   */
  static final int MAX_CHUNK_SIZE = 1 << 20;

  private final LiveRoutes routes;
  private final BackendSource backends;
  private final StickyCookies sticky;
  private final AccessLog accessLog;
  private final HttpProxyConfig config;
  private final Clock clock;
  private final BackendConnector connector;
  private final IntSupplier httpsPort;
  private final RequestObserver observer;

  /**
   * @param httpsPort the router's HTTPS port once it listens (-1 without HTTPS), for redirects
   * @param observer told of each request as it reaches a backend and as it ends
   */
  public HttpProxy(
      LiveRoutes routes,
      BackendSource backends,
      StickyCookies sticky,
      AccessLog accessLog,
      HttpProxyConfig config,
      Transport transport,
      Clock clock,
      IntSupplier httpsPort,
      RequestObserver observer) {
    this.observer = observer;
    this.routes = routes;
    this.backends = backends;
    this.sticky = sticky;
    this.accessLog = accessLog;
    this.config = config;
    this.clock = clock;
    this.connector = new BackendConnector(transport, config);
    this.httpsPort = httpsPort;
  }

  /** A channel initializer for a plain HTTP/1.1 listener; {@code proto} is "http" or "https". */
  public HttpProxyInitializer initializer(String proto) {
    return new HttpProxyInitializer(this, proto);
  }

  /** Adds idle and header timeouts, the HTTP/1.1 server codec and the proxy to a pipeline. */
  public void addHttp1Handlers(ChannelPipeline p, String proto) {
    addHttp1Codec(p);
    p.addLast("proxy", newProxyHandler(proto));
  }

  /**
   * Adds idle and header timeouts and the HTTP/1.1 server codec with this proxy's limits (431 for
   * oversized headers): what turns a connection's bytes (plain, or after TLS) into requests.
   */
  public void addHttp1Codec(ChannelPipeline p) {
    long idle = config.idleTimeout().toMillis();
    p.addLast("idle", new IdleTimeoutHandler(idle))
        .addLast("header-timeout", new HeaderTimeoutHandler(config.headerTimeout()))
        .addLast(
            "http-codec",
            new HttpServerCodec(
                config.maxInitialLineLength(), config.maxHeaderSize(), MAX_CHUNK_SIZE));
  }

  /** The proxy handler alone, for a channel that already carries HTTP/1.x message objects. */
  public ChannelHandler newProxyHandler(String proto) {
    return new ProxyHandler(this, proto);
  }

  public AccessLog accessLog() {
    return accessLog;
  }

  LiveRoutes routes() {
    return routes;
  }

  BackendSource backends() {
    return backends;
  }

  StickyCookies sticky() {
    return sticky;
  }

  Clock clock() {
    return clock;
  }

  Random random() {
    return ThreadLocalRandom.current();
  }

  RequestObserver observer() {
    return observer;
  }

  int httpsPort() {
    return httpsPort.getAsInt();
  }

  BackendConnector connector() {
    return connector;
  }
}
