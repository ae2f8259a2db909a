package flynn.router.tcp;

import flynn.router.backends.BackendSource;
import flynn.router.backends.RequestObserver;
import flynn.router.net.Transport;
import flynn.router.routes.LiveRoutes;
import flynn.router.routes.RouteTable;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening socket per TCP route port, opened and closed as TCP routes come and go. Only ports
 * in the router's TCP range are opened; a route outside it is logged and skipped.
 */
public final class TcpRouteListeners implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TcpRouteListeners.class);

  private final String bindHost;
  private final LiveRoutes routes;
  private final BackendSource backends;
  private final Transport transport;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Duration connectTimeout;
  private final int minPort;
  private final int maxPort;
  private final RequestObserver observer;
  private final Map<Integer, Channel> listening = new HashMap<>();
  private boolean closed;

  public TcpRouteListeners(
      String bindHost,
      LiveRoutes routes,
      BackendSource backends,
      Transport transport,
      EventLoopGroup boss,
      EventLoopGroup workers,
      Duration connectTimeout,
      int minPort,
      int maxPort,
      RequestObserver observer) {
    this.observer = observer;
    this.bindHost = bindHost;
    this.minPort = minPort;
    this.maxPort = maxPort;
    this.routes = routes;
    this.backends = backends;
    this.transport = transport;
    this.boss = boss;
    this.workers = workers;
    this.connectTimeout = connectTimeout;
  }

  /** Listens on exactly the table's TCP route ports. */
  public synchronized void follow(RouteTable table) {
    if (closed) {
      return;
    }
    Set<Integer> wanted = table.tcpRoutes().keySet();
    for (Integer port : Set.copyOf(listening.keySet())) {
      if (!wanted.contains(port)) {
        listening.remove(port).close();
        LOG.info("tcp route listener closed port={}", port);
      }
    }
    for (Integer port : wanted) {
      if (listening.containsKey(port)) {
        continue;
      }
      if (port < minPort || port > maxPort) {
        LOG.warn("tcp route skipped port={} reason=outside {}-{}", port, minPort, maxPort);
        continue;
      }
      listen(port);
    }
  }

  /** The TCP ports being listened on. */
  public synchronized Set<Integer> ports() {
    return Set.copyOf(listening.keySet());
  }

  private void listen(int port) {
    try {
      Channel ch =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(transport.serverChannel())
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.AUTO_READ, false)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel c) {
                      c.pipeline()
                          .addLast(
                              new TcpProxyHandler(
                                  routes, backends, transport, connectTimeout, port, observer));
                    }
                  })
              .bind(bindHost, port)
              .syncUninterruptibly()
              .channel();
      listening.put(port, ch);
      LOG.info("tcp route listening port={}", port);
    } catch (Exception e) { // a failed bind is rethrown unchecked, as a BindException
      LOG.warn("tcp route cannot listen port={} reason={}", port, e.toString());
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    listening.values().forEach(Channel::close);
    listening.clear();
  }
}
