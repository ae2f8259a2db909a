package flynn.router;

import flynn.router.http.HttpProxyConfig;
import flynn.router.net.Transport;
import flynn.router.tls.ClusterCa;
import flynn.router.tls.HttpsLimits;
import java.time.Duration;

/**
 * How to run a router.
 *
 * @param bindHost address every listener binds (0.0.0.0 for all)
 * @param httpPort the HTTP listener's port (0 picks a free one)
 * @param tcpPortMin lowest port of TCP routes (Flynn's default 3000)
 * @param tcpPortMax highest port of TCP routes (Flynn's default 3500)
 * @param controllerUrl where routes come from
 * @param controllerKey the cluster key for the controller
 * @param discoverdUrl where backends come from
 * @param stickyKey the secret sticky-session cookies are sealed with (node derives it from the
 *     cluster key)
 * @param eventLoopThreads worker event loop threads (0: one per core)
 * @param transport the sockets' transport (io_uring, epoll or NIO)
 * @param http the HTTP proxy's timeouts and limits
 * @param https the HTTPS listener (null: none)
 */
public record RouterConfig(
    String bindHost,
    int httpPort,
    int tcpPortMin,
    int tcpPortMax,
    String controllerUrl,
    String controllerKey,
    String discoverdUrl,
    String stickyKey,
    int eventLoopThreads,
    Transport transport,
    HttpProxyConfig http,
    Https https) {

  /**
   * The HTTPS listener: its port, the cluster certificate for names no route has one for, and how
   * long a TLS handshake may take.
   */
  public record Https(int port, ClusterCa clusterCa, Duration handshakeTimeout) {
    public Https(int port, ClusterCa clusterCa) {
      this(port, clusterCa, HttpsLimits.DEFAULT_HANDSHAKE_TIMEOUT);
    }
  }

  public static final int DEFAULT_TCP_PORT_MIN = 3000;
  public static final int DEFAULT_TCP_PORT_MAX = 3500;

  /** Flynn's defaults for everything but the addresses and keys. */
  public static RouterConfig of(
      String bindHost,
      int httpPort,
      String controllerUrl,
      String controllerKey,
      String discoverdUrl,
      String stickyKey) {
    return new RouterConfig(
        bindHost,
        httpPort,
        DEFAULT_TCP_PORT_MIN,
        DEFAULT_TCP_PORT_MAX,
        controllerUrl,
        controllerKey,
        discoverdUrl,
        stickyKey,
        0,
        Transport.best(),
        HttpProxyConfig.defaults(),
        null);
  }

  /** This config with an HTTPS listener on {@code port}. */
  public RouterConfig withHttps(int port, ClusterCa clusterCa) {
    return new RouterConfig(
        bindHost,
        httpPort,
        tcpPortMin,
        tcpPortMax,
        controllerUrl,
        controllerKey,
        discoverdUrl,
        stickyKey,
        eventLoopThreads,
        transport,
        http,
        new Https(port, clusterCa));
  }

  /** This config with TCP routes allowed on {@code min}-{@code max}. */
  public RouterConfig withTcpPorts(int min, int max) {
    return new RouterConfig(
        bindHost,
        httpPort,
        min,
        max,
        controllerUrl,
        controllerKey,
        discoverdUrl,
        stickyKey,
        eventLoopThreads,
        transport,
        http,
        https);
  }

  /** This config with its sockets on {@code transport}. */
  public RouterConfig withTransport(Transport transport) {
    return new RouterConfig(
        bindHost,
        httpPort,
        tcpPortMin,
        tcpPortMax,
        controllerUrl,
        controllerKey,
        discoverdUrl,
        stickyKey,
        eventLoopThreads,
        transport,
        http,
        https);
  }
}
