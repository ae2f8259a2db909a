package flynn.router.http;

import flynn.router.backends.Backend;
import flynn.router.net.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a connection to one of a request's backends, on the request's own event loop: an idle pooled
 * one when allowed, else a new one; a backend that refuses is skipped for the next.
 */
final class BackendConnector {
  private static final Logger LOG = LoggerFactory.getLogger(BackendConnector.class);

  /** A backend connection lent to one request. */
  record Connection(Channel channel, Backend backend, BackendHandler handler, boolean reused) {}

  /**
   * Responses from backends are parsed without validating each header name and value as it is added
   * (the parser itself still rejects malformed lines); what the router adds to them is its own.
   * Client requests keep full validation.
   */
  private static final HttpDecoderConfig BACKEND_DECODER =
      new HttpDecoderConfig()
          .setMaxInitialLineLength(8192)
          .setMaxHeaderSize(65536)
          .setMaxChunkSize(HttpProxy.MAX_CHUNK_SIZE)
          .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
          .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false));

  private final Transport transport;
  private final HttpProxyConfig config;
  private final Map<EventLoop, BackendPool> pools = new ConcurrentHashMap<>();

  BackendConnector(Transport transport, HttpProxyConfig config) {
    this.transport = transport;
    this.config = config;
  }

  /** Connects to the first of {@code candidates} that accepts; fails when none does. */
  Future<Connection> connect(EventLoop loop, List<Backend> candidates, boolean reuse) {
    Promise<Connection> promise = loop.newPromise();
    tryFrom(loop, candidates, 0, reuse, promise);
    return promise;
  }

  /** An idle pooled connection to {@code b} on {@code loop}, or null when there is none. */
  Connection idle(EventLoop loop, Backend b) {
    Channel idle = pool(loop).take(b.addr());
    return idle == null
        ? null
        : new Connection(idle, b, idle.pipeline().get(BackendHandler.class), true);
  }

  /** Returns a connection after its exchange: to the pool when {@code keep}, else closed. */
  void release(Connection c, boolean keep) {
    c.handler().detach();
    if (keep) {
      pool(c.channel().eventLoop()).offer(c.backend().addr(), c.channel());
    } else {
      c.channel().close();
    }
  }

  private void tryFrom(
      EventLoop loop, List<Backend> candidates, int i, boolean reuse, Promise<Connection> p) {
    if (i >= candidates.size()) {
      p.setFailure(new ConnectException("no backend accepted a connection"));
      return;
    }
    Backend b = candidates.get(i);
    Connection idle = reuse ? idle(loop, b) : null;
    if (idle != null) {
      p.setSuccess(idle);
      return;
    }
    ChannelFuture f = bootstrap(loop).connect(b.host(), b.port());
    f.addListener(done -> {
      if (done.isSuccess()) {
        Channel ch = f.channel();
        ch.closeFuture().addListener(c -> pool(loop).forget(b.addr(), ch));
        p.setSuccess(new Connection(ch, b, ch.pipeline().get(BackendHandler.class), false));
      } else {
        LOG.warn(
            "backend connect failed service={} addr={} reason={}",
            b.service(),
            b.addr(),
            done.cause().toString());
        tryFrom(loop, candidates, i + 1, reuse, p);
      }
    });
  }

  private Bootstrap bootstrap(EventLoop loop) {
    return new Bootstrap()
        .group(loop)
        .channel(transport.socketChannel())
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
        .handler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                long idle = config.backendIdleTimeout().toMillis();
                ch.pipeline()
                    .addLast("http-codec", new HttpClientCodec(BACKEND_DECODER, false, false))
                    .addLast("idle", new IdleTimeoutHandler(idle))
                    .addLast("backend", new BackendHandler());
              }
            });
  }

  private BackendPool pool(EventLoop loop) {
    return pools.computeIfAbsent(loop, l -> new BackendPool(config.maxIdlePerBackend()));
  }
}
