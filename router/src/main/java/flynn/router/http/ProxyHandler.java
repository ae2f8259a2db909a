package flynn.router.http;

import flynn.router.backends.RequestObserver;
import flynn.router.http.ProxyDecision.Forward;
import flynn.router.http.ProxyDecision.NoBackend;
import flynn.router.http.ProxyDecision.NoRoute;
import flynn.router.http.ProxyDecision.Redirect;
import flynn.router.tls.HttpsRedirect;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxies a client connection's requests, one at a time, to backends: picks the route and a
 * backend, forwards the request head and streams its body, streams the response back, then takes
 * the next request. Reads from either side are asked for only after the write of the previous part
 * succeeded (auto-read off), so neither side buffers more than a chunk. Pipelined requests wait in
 * order. Works on any channel that carries HTTP/1.x objects (after TLS, or per HTTP/2 stream after
 * a frame-to-object codec); a protocol upgrade needs the HTTP/1.1 server codec.
 */
final class ProxyHandler extends ChannelInboundHandlerAdapter implements BackendHandler.Sink {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

  private final HttpProxy proxy;
  private final String proto;
  private final ArrayDeque<Object> inbound = new ArrayDeque<>();
  private final Runnable drainTask = this::drain;
  private final ChannelFutureListener afterBodyWrite = this::afterBodyWrite;
  private ForwardedHeaders.Origin origin;
  private ChannelHandlerContext ctx;
  private Exchange exchange;
  private boolean connecting;
  private UpgradeSwitch upgrade;
  private boolean headUnflushed;
  private HeaderTimeoutHandler headerTimeout;

  ProxyHandler(HttpProxy proxy, String proto) {
    this.proxy = proxy;
    this.proto = proto;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.headerTimeout = ctx.pipeline().get(HeaderTimeoutHandler.class);
    ctx.channel().config().setAutoRead(false);
    if (ctx.channel().isActive()) {
      ctx.read();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.read();
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest full && full.decoderResult().isSuccess()) {
      HttpRequest head = new DefaultHttpRequest(full.protocolVersion(), full.method(), full.uri());
      head.headers().set(full.headers());
      inbound.add(head);
      inbound.add(new DefaultLastHttpContent(full.content(), full.trailingHeaders()));
    } else {
      inbound.add(msg);
    }
    drain();
  }

  /** Handles queued client messages as far as the current exchange allows. */
  private void drain() {
    while (ctx.channel().isActive()) {
      if (exchange == null) {
        Object msg = inbound.poll();
        if (msg == null) {
          ctx.read();
          return;
        }
        if (msg instanceof HttpRequest req) {
          begin(req);
        } else {
          ReferenceCountUtil.release(msg);
        }
        continue;
      }
      if (exchange.requestDone || connecting) {
        return;
      }
      Object msg = inbound.poll();
      if (msg == null) {
        if (exchange.connection == null) {
          ctx.read();
        }
        return;
      }
      forwardRequestPart((HttpContent) msg);
    }
  }

  private void begin(HttpRequest req) {
    if (headerTimeout != null) {
      headerTimeout.headReceived();
    }
    boolean upgradable =
        HopByHopHeaders.isUpgrade(req.headers())
            && ctx.pipeline().get(HttpServerCodec.class) != null;
    exchange = new Exchange(req, System.nanoTime(), HttpUtil.isKeepAlive(req), upgradable);
    if (req.decoderResult().isFailure()) {
      exchange.requestDone = true;
      exchange.closeAfter = true;
      ReferenceCountUtil.release(req);
      respond(ErrorResponses.forDecoderFailure(req.decoderResult().cause()), "bad request");
      return;
    }
    String stickyAddr =
        proxy.sticky().backendIn(req.headers().get(HttpHeaderNames.COOKIE)).orElse(null);
    ProxyDecision decision =
        ProxyDecision.decide(
            proxy.routes().current(),
            proxy.backends(),
            exchange.host,
            exchange.path(),
            stickyAddr,
            proxy.random(),
            "http".equals(proto) && proxy.httpsPort() > 0);
    switch (decision) {
      case NoRoute n -> respond(HttpResponseStatus.NOT_FOUND, "no route for this host and path");
      case NoBackend nb -> {
        exchange.route = nb.route();
        respond(HttpResponseStatus.SERVICE_UNAVAILABLE, "no backend available for this route");
      }
      case Redirect r -> {
        exchange.route = r.route();
        respond(
            HttpResponseStatus.PERMANENT_REDIRECT,
            keepAlive -> HttpsRedirect.response(req, proxy.httpsPort(), keepAlive));
      }
      case Forward f -> forward(f, stickyAddr);
    }
  }

  private void forward(Forward f, String stickyAddr) {
    exchange.route = f.route();
    exchange.stickyAddr = stickyAddr;
    HttpRequest req = exchange.request;
    HopByHopHeaders.strip(req.headers(), exchange.upgrade);
    exchange.requestId = ForwardedHeaders.apply(req.headers(), origin(), proxy.clock().millis());
    exchange.backendKeepAlive = f.route().keepsAlive() && !exchange.upgrade;
    if (!exchange.backendKeepAlive && !exchange.upgrade) {
      HttpUtil.setKeepAlive(req, false);
    }
    connect(f, true);
  }

  /**
   * Gets the exchange a backend connection: an idle pooled one at once (the usual case, with no
   * future to wait on), else through the connector.
   */
  private void connect(Forward f, boolean reuse) {
    Exchange e = exchange;
    boolean pooled = reuse && e.backendKeepAlive;
    BackendConnector.Connection idle =
        pooled
            ? proxy.connector().idle(ctx.channel().eventLoop(), f.candidates().getFirst())
            : null;
    if (idle != null) {
      use(e, idle);
      return;
    }
    connecting = true;
    proxy
        .connector()
        .connect(ctx.channel().eventLoop(), f.candidates(), pooled)
        .addListener((Future<BackendConnector.Connection> done) -> connected(e, done));
  }

  private void connected(Exchange e, Future<BackendConnector.Connection> done) {
    connecting = false;
    if (e != exchange || !ctx.channel().isActive()) {
      if (done.isSuccess()) {
        done.getNow().channel().close();
      }
      return;
    }
    if (!done.isSuccess()) {
      respond(HttpResponseStatus.SERVICE_UNAVAILABLE, "no backend could be reached");
      drain();
      return;
    }
    use(e, done.getNow());
    drain();
  }

  /** Sends the exchange's request on backend connection {@code c}. */
  private void use(Exchange e, BackendConnector.Connection c) {
    e.connection = c;
    e.backend = c.backend();
    observeStart(e);
    c.handler().attach(this);
    c.channel().read();
    if (e.requestDone) {
      // a retry of a request that was complete already: head and end again
      c.channel().write(e.request);
      writeToBackend(LastHttpContent.EMPTY_LAST_CONTENT, true);
    } else if (!e.hasRequestBody()) {
      // its end follows in the same client read, and is flushed with it: one flush, not two
      c.channel().write(e.request, c.channel().voidPromise());
    } else {
      writeToBackend(e.request, false);
    }
  }

  private void forwardRequestPart(HttpContent part) {
    boolean last = part instanceof LastHttpContent;
    exchange.bytesIn += part.content().readableBytes();
    if (last) {
      exchange.requestDone = true;
    }
    if (exchange.connection == null) {
      part.release();
      if (last) {
        finishIfDone();
      }
      return;
    }
    writeToBackend(part, last);
    if (last) {
      readAhead();
      finishIfDone();
    }
  }

  /**
   * Keeps the client's read interest while the response is under way, once the request is complete:
   * the next request (or a close) is noticed without re-arming epoll for every request. What it
   * brings waits in {@code inbound}; an upgrade's bytes are not HTTP, so they are not read early.
   */
  private void readAhead() {
    if (exchange.upgrade || !inbound.isEmpty()) {
      return;
    }
    if (headerTimeout != null) {
      headerTimeout.readingAhead();
    }
    ctx.read();
  }

  /**
   * Writes to the backend; the next client read waits for the write unless the body is done. A
   * request without a body has nothing to wait for: its end follows in the same client read (a
   * failed write surfaces in the backend pipeline, which closes the connection).
   */
  private void writeToBackend(Object msg, boolean bodyDone) {
    Channel backend = exchange.connection.channel();
    if (bodyDone || !exchange.hasRequestBody()) {
      backend.writeAndFlush(msg, backend.voidPromise());
      return;
    }
    backend.writeAndFlush(msg).addListener(afterBodyWrite);
  }

  @Override
  public void backendMessage(Object msg) {
    Exchange e = exchange;
    if (upgrade != null) {
      upgrade.fromBackend(msg);
      return;
    }
    if (e == null || e.connection == null) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpResponse res) {
      if (e.upgrade && res.status().code() == 101) {
        e.status = 101;
        upgrade = UpgradeSwitch.start(ctx, e, res, proxy.accessLog());
        ctx.channel().closeFuture().addListener(closed -> observeEnd(e));
        return;
      }
      ResponseHeaders.prepare(e, res, proxy.sticky());
    }
    if (msg instanceof HttpContent c) {
      e.bytes += c.content().readableBytes();
    }
    Channel backend = e.connection.channel();
    if (msg instanceof HttpResponse && !(msg instanceof HttpContent) && !e.interim) {
      // the head goes out with the first body part, or at the end of this backend read
      ctx.write(msg, ctx.voidPromise());
      headUnflushed = true;
      backend.read();
      return;
    }
    headUnflushed = false;
    boolean last = msg instanceof LastHttpContent;
    if (!last || e.interim) {
      ctx.writeAndFlush(msg)
          .addListener(
              (ChannelFutureListener)
                  w -> {
                    if (w.isSuccess()) {
                      backend.read();
                    } else {
                      backend.close();
                    }
                  });
      return;
    }
    e.responseDone = true;
    releaseBackend(e);
    if (e.requestDone) {
      ctx.writeAndFlush(msg, ctx.voidPromise());
      finishIfDone();
      return;
    }
    ChannelFuture f = ctx.writeAndFlush(msg);
    e.closeAfter = true;
    f.addListener(ChannelFutureListener.CLOSE);
  }

  /** A request body part reached the backend: read the next one, unless one waits already. */
  private void afterBodyWrite(ChannelFuture w) {
    if (w.isSuccess() && inbound.isEmpty()) {
      ctx.read();
    } else if (!w.isSuccess()) {
      w.channel().close();
    }
  }

  @Override
  public void backendReadComplete() {
    if (headUnflushed) {
      headUnflushed = false;
      ctx.flush();
    }
  }

  @Override
  public void backendClosed() {
    Exchange e = exchange;
    if (upgrade != null || e == null || e.responseDone || !ctx.channel().isActive()) {
      return;
    }
    BackendConnector.Connection c = e.connection;
    e.connection = null;
    if (e.headSent) {
      LOG.info(
          "backend closed mid-response addr={} request_id={}", c.backend().addr(), e.requestId);
      proxy.accessLog().record(e, System.nanoTime());
      observeEnd(e);
      ctx.close();
      return;
    }
    if (c.reused() && e.requestDone && !e.hasRequestBody()) {
      LOG.debug("pooled backend connection was stale addr={}, retrying", c.backend().addr());
      connect(new Forward(e.route, java.util.List.of(c.backend())), false);
      return;
    }
    e.closeAfter = true;
    respond(HttpResponseStatus.BAD_GATEWAY, "the backend closed the connection");
  }

  private void releaseBackend(Exchange e) {
    BackendConnector.Connection c = e.connection;
    e.connection = null;
    if (c != null) {
      proxy.connector().release(c, e.backendKeepAlive && e.requestDone);
    }
  }

  /** Sends the router's own response to the current request. */
  private void respond(HttpResponseStatus status, String text) {
    respond(status, keepAlive -> ErrorResponses.text(status, text, keepAlive));
  }

  /** Sends the router's own response, made for whether the connection stays open. */
  private void respond(HttpResponseStatus status, Function<Boolean, FullHttpResponse> response) {
    Exchange e = exchange;
    boolean keepAlive = e.clientKeepAlive && !e.closeAfter && !e.hasRequestBody();
    e.closeAfter = !keepAlive;
    e.status = status.code();
    e.responseDone = true;
    ChannelFuture f = ctx.writeAndFlush(response.apply(keepAlive));
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
      proxy.accessLog().record(e, System.nanoTime());
      observeEnd(e);
      return;
    }
    finishIfDone();
  }

  /** Ends the exchange once both its request and its response are complete. */
  private void finishIfDone() {
    Exchange e = exchange;
    if (e == null || !e.done()) {
      return;
    }
    proxy.accessLog().record(e, System.nanoTime());
    observeEnd(e);
    if (e.closeAfter) {
      ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    exchange = null;
    if (headerTimeout != null) {
      headerTimeout.exchangeDone();
    }
    if (inbound.isEmpty()) {
      ctx.read(); // the usual case: nothing pipelined, so no task to queue for the next request
    } else {
      ctx.channel().eventLoop().execute(drainTask);
    }
  }

  /** Tells the observer the exchange reached its backend (once; a retry reaches it again). */
  private void observeStart(Exchange e) {
    if (e.observedBackend == null) {
      e.observedBackend = e.backend;
      proxy.observer().started(e.route, e.backend);
    }
  }

  /** Tells the observer the exchange ended (once); an upgraded one ends when its relay closes. */
  private void observeEnd(Exchange e) {
    if (e.observedEnd) {
      return;
    }
    e.observedEnd = true;
    proxy
        .observer()
        .completed(
            new RequestObserver.Completed(
                e.route,
                e.observedBackend,
                e.status,
                e.bytesIn,
                e.bytes,
                System.nanoTime() - e.startNanos));
  }

  /** Where this connection's requests come from: the same for all of them. */
  private ForwardedHeaders.Origin origin() {
    if (origin == null) {
      InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
      InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
      origin =
          new ForwardedHeaders.Origin(
              remote.getAddress().getHostAddress(), proto, local == null ? 0 : local.getPort());
    }
    return origin;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange e = exchange;
    if (e != null && upgrade == null) {
      if (e.connection != null) {
        BackendConnector.Connection c = e.connection;
        e.connection = null;
        c.handler().detach();
        c.channel().close();
      }
      if (!e.responseDone) {
        e.status = 499;
      }
      proxy.accessLog().record(e, System.nanoTime());
      observeEnd(e);
    }
    inbound.forEach(ReferenceCountUtil::release);
    inbound.clear();
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && exchange == null) {
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  /** Hands the client channel to the upgrade relay; queued client messages are not HTTP now. */
  void upgraded() {
    inbound.forEach(ReferenceCountUtil::release);
    inbound.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug(
        "client connection failed client={} reason={}",
        ctx.channel().remoteAddress(),
        cause.toString());
    ctx.close();
  }
}
