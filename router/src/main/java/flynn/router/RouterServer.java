package flynn.router;

import flynn.api.discoverd.DiscoverdClient;
import flynn.router.backends.BackendSource;
import flynn.router.backends.DiscoverdBackends;
import flynn.router.backends.Drains;
import flynn.router.backends.Readiness;
import flynn.router.backends.RequestObserver;
import flynn.router.http.AccessLog;
import flynn.router.http.HttpProxy;
import flynn.router.metrics.AppMetrics;
import flynn.router.net.Transport;
import flynn.router.routes.LiveRoutes;
import flynn.router.routes.RouteSync;
import flynn.router.routes.RouteTable;
import flynn.router.sticky.StickyCookies;
import flynn.router.tcp.TcpRouteListeners;
import flynn.router.tls.HttpsInitializer;
import flynn.router.tls.HttpsLimits;
import flynn.router.tls.TlsContexts;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router: HTTP and HTTPS (SNI, HTTP/2) listeners proxying to backends by the controller's
 * routes, and a listener per TCP route. Routes follow the controller's events, backends follow
 * discoverd. Lifecycle: {@link #start} once, {@link #close} once.
 */
public final class RouterServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RouterServer.class);

  private enum State {
    LATENT,
    STARTED,
    CLOSED
  }

  private final RouterConfig config;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private final LiveRoutes routes = new LiveRoutes();
  private final Transport transport;
  private final AccessLog accessLog = new AccessLog();
  private final AppMetrics metrics = new AppMetrics();
  private Drains drains;
  private Readiness readiness;
  private DiscoverdBackends discoverd;
  private RouteSync sync;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private TcpRouteListeners tcp;
  private HttpProxy proxy;
  private Channel http;
  private volatile Channel https;
  private TlsContexts certificates;

  public RouterServer(RouterConfig config) {
    this.config = config;
    this.transport = config.transport();
  }

  /** Starts following routes and backends and opens the listeners. */
  public RouterServer start() {
    discoverd = new DiscoverdBackends(new DiscoverdClient(config.discoverdUrl()));
    sync = new RouteSync(config.controllerUrl(), config.controllerKey(), routes);
    startWith(discoverd);
    routes.onChange(table -> discoverd.follow(table.services()));
    sync.start();
    return this;
  }

  /**
   * Starts with backends from {@code backends} and routes only from {@link #routes()} (no
   * controller, no discoverd): for tests that feed both directly.
   */
  public RouterServer startWith(BackendSource backends) {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("router already started");
    }
    boss = transport.newGroup(1, "router-accept");
    workers = transport.newGroup(eventLoopThreads(), "router-io");
    drains = new Drains(backends);
    readiness = new Readiness(backends);
    RequestObserver observer = RequestObserver.all(List.of(drains, metrics));
    proxy =
        new HttpProxy(
            routes,
            backends,
            new StickyCookies(config.stickyKey()),
            accessLog,
            config.http(),
            transport,
            Clock.systemUTC(),
            this::httpsPort,
            observer);
    http = bindHttp();
    if (config.https() != null) {
      https = bindHttps(config.https());
    }
    tcp =
        new TcpRouteListeners(
            config.bindHost(),
            routes,
            backends,
            transport,
            boss,
            workers,
            config.http().connectTimeout(),
            config.tcpPortMin(),
            config.tcpPortMax(),
            observer);
    routes.onChange(this::followTcp);
    LOG.info(
        "router started transport={} http={} tcp_ports={}-{}",
        transport,
        http.localAddress(),
        config.tcpPortMin(),
        config.tcpPortMax());
    return this;
  }

  /**
   * One event loop per core unless configured: the proxy's work is all on the loops, and more loops
   * than cores only adds context switches (Netty's default is two per core).
   */
  private int eventLoopThreads() {
    int configured = config.eventLoopThreads();
    return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
  }

  private Channel bindHttp() {
    try {
      return bootstrapHttp();
    } catch (Exception e) { // a failed bind is rethrown unchecked, as a BindException
      boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      state.set(State.CLOSED);
      throw new IllegalStateException(
          "the router cannot listen on "
              + config.bindHost()
              + ":"
              + config.httpPort()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private Channel bootstrapHttp() {
    return new ServerBootstrap()
        .group(boss, workers)
        .channel(transport.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(proxy.initializer("http"))
        .bind(config.bindHost(), config.httpPort())
        .syncUninterruptibly()
        .channel();
  }

  /** HTTPS: certificates by SNI from the routes' own, the cluster's for every other name. */
  private Channel bindHttps(RouterConfig.Https settings) {
    certificates =
        new TlsContexts(
            settings.clusterCa(), name -> routes.current().matchHttp(name, "/").isPresent());
    certificates.update(routes.current().routes());
    routes.onChange(table -> certificates.update(table.routes()));
    var limits =
        new HttpsLimits(
            settings.handshakeTimeout(),
            config.http().idleTimeout(),
            config.http().maxHeaderSize(),
            HttpsLimits.DEFAULT_MAX_CONCURRENT_STREAMS);
    try {
      return new ServerBootstrap()
          .group(boss, workers)
          .channel(transport.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 1024)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(
              new HttpsInitializer(
                  certificates,
                  limits,
                  proxy::addHttp1Codec,
                  p -> p.addLast("proxy", proxy.newProxyHandler("https"))))
          .bind(config.bindHost(), settings.port())
          .syncUninterruptibly()
          .channel();
    } catch (Exception e) {
      close();
      throw new IllegalStateException(
          "the router cannot listen on "
              + config.bindHost()
              + ":"
              + settings.port()
              + " for HTTPS: "
              + e.getMessage(),
          e);
    }
  }

  private void followTcp(RouteTable table) {
    tcp.follow(table);
  }

  /** The routes in force; tests may replace them directly. */
  public LiveRoutes routes() {
    return routes;
  }

  /** The HTTP proxy, for other listeners (HTTPS) to install in their pipelines. */
  public HttpProxy httpProxy() {
    return proxy;
  }

  /** In-flight requests per backend and drain reports; set once started. */
  public Drains drains() {
    return drains;
  }

  /** Waits for addresses to become live backends; set once started. */
  public Readiness readiness() {
    return readiness;
  }

  /** Per-app request metrics. */
  public AppMetrics metrics() {
    return metrics;
  }

  public AccessLog accessLog() {
    return accessLog;
  }

  public int httpPort() {
    return ((InetSocketAddress) http.localAddress()).getPort();
  }

  /** The HTTPS listener's port, or -1 without one. */
  public int httpsPort() {
    return https == null ? -1 : ((InetSocketAddress) https.localAddress()).getPort();
  }

  public java.util.Set<Integer> tcpPorts() {
    return tcp.ports();
  }

  /** Waits for the first full route list from the controller. */
  public boolean awaitRoutes(java.time.Duration timeout) throws InterruptedException {
    return sync == null || sync.awaitLoaded(timeout);
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) != State.STARTED) {
      return;
    }
    if (sync != null) {
      sync.close();
    }
    if (http != null) {
      http.close().syncUninterruptibly();
    }
    if (https != null) {
      https.close().syncUninterruptibly();
    }
    if (tcp != null) {
      tcp.close();
    }
    if (certificates != null) {
      certificates.close();
    }
    if (discoverd != null) {
      discoverd.close();
    }
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    accessLog.close();
    LOG.info("router stopped");
  }
}
