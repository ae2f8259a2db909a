package flynn.router.tcp;

import flynn.api.router.Route;
import flynn.router.backends.Backend;
import flynn.router.backends.BackendSource;
import flynn.router.backends.RequestObserver;
import flynn.router.net.RelayHandler;
import flynn.router.net.Transport;
import flynn.router.routes.LiveRoutes;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects an accepted TCP route connection to one of the route's backends (trying the next one
 * when a backend refuses), then relays bytes both ways with backpressure.
 */
final class TcpProxyHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(TcpProxyHandler.class);

  private final LiveRoutes routes;
  private final BackendSource backends;
  private final Transport transport;
  private final Duration connectTimeout;
  private final int port;
  private final RequestObserver observer;

  TcpProxyHandler(
      LiveRoutes routes,
      BackendSource backends,
      Transport transport,
      Duration connectTimeout,
      int port,
      RequestObserver observer) {
    this.observer = observer;
    this.routes = routes;
    this.backends = backends;
    this.transport = transport;
    this.connectTimeout = connectTimeout;
    this.port = port;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    Route route = routes.current().tcp(port).orElse(null);
    List<Backend> candidates =
        route == null ? List.of() : new ArrayList<>(backends.backends(route));
    if (candidates.isEmpty()) {
      LOG.info("tcp connection refused port={} reason=no backend", port);
      ctx.close();
      return;
    }
    Collections.shuffle(candidates);
    connect(ctx, route, candidates, 0);
  }

  private void connect(ChannelHandlerContext ctx, Route route, List<Backend> candidates, int i) {
    if (i >= candidates.size() || !ctx.channel().isActive()) {
      ctx.close();
      return;
    }
    Backend b = candidates.get(i);
    Channel client = ctx.channel();
    ChannelFuture f =
        new Bootstrap()
            .group(client.eventLoop())
            .channel(transport.socketChannel())
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast("relay", new RelayHandler(client, true));
                  }
                })
            .connect(b.host(), b.port());
    f.addListener(done -> {
      if (!done.isSuccess()) {
        LOG.warn("tcp backend connect failed port={} addr={}", port, b.addr());
        connect(ctx, route, candidates, i + 1);
        return;
      }
      observe(client, route, b);
      ctx.pipeline().replace(this, "relay", new RelayHandler(f.channel(), true));
      client.read();
      LOG.debug("tcp connection port={} backend={}", port, b.addr());
    });
  }

  /** The connection counts as in flight to {@code b} until the client side closes. */
  private void observe(Channel client, Route route, Backend b) {
    long start = System.nanoTime();
    observer.started(route, b);
    client
        .closeFuture()
        .addListener(closed ->
            observer.completed(
                new RequestObserver.Completed(route, b, 0, 0, 0, System.nanoTime() - start)));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("tcp connection failed port={} reason={}", port, cause.toString());
    ctx.close();
  }
}
