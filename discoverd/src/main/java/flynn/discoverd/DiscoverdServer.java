package flynn.discoverd;

import flynn.discoverd.dns.DnsConfig;
import flynn.discoverd.dns.DnsServer;
import flynn.discoverd.dns.ServiceDirectory;
import flynn.discoverd.expiry.Expirer;
import flynn.discoverd.registry.Registry;
import flynn.discoverd.routes.ServiceRoutes;
import flynn.discoverd.zk.Feed;
import flynn.discoverd.zk.ServiceStore;
import flynn.http.ApiServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flynn's discoverd HTTP API over ZooKeeper. Several servers may share one ensemble: the state is
 * all in ZooKeeper, each server follows it for its event streams, and one elected server expires
 * instances that stopped heartbeating. The API has no authentication yet, so bind it to loopback.
 */
public final class DiscoverdServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoverdServer.class);
  private static final Duration ZK_TIMEOUT = Duration.ofSeconds(15);
  private static final int ZK_SESSION_TIMEOUT_MS = 10_000;
  private static final int ZK_CONNECTION_TIMEOUT_MS = 5_000;

  private enum State {
    LATENT,
    STARTED,
    CLOSED
  }

  private final DiscoverdConfig config;
  private final Tuning tuning;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private CuratorFramework curator;
  private Registry registry;
  private final ServiceDirectory directory = new ServiceDirectory();
  private Feed feed;
  private Expirer expirer;
  private ApiServer http;

  public DiscoverdServer(DiscoverdConfig config) {
    this(config, Tuning.FLYNN);
  }

  DiscoverdServer(DiscoverdConfig config, Tuning tuning) {
    this.config = config;
    this.tuning = tuning;
  }

  /** Connects to ZooKeeper, loads the registry and starts serving; fails if any step fails. */
  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("discoverd already started or closed: " + state.get());
    }
    try {
      curator = connect();
      ServiceStore store = new ServiceStore(curator);
      store.init();
      registry = new Registry();
      expirer =
          new Expirer(
              curator,
              store,
              UUID.randomUUID().toString(),
              tuning.instanceTtl(),
              tuning.sweepInterval(),
              System::nanoTime);
      feed = new Feed(curator, List.of(registry, expirer, directory));
      feed.start(ZK_TIMEOUT);
      expirer.start();
      http =
          ApiServer.start(
              config.bindHost(),
              config.port(),
              null,
              Set.of(),
              routing ->
                  routing.register(new ServiceRoutes(store, registry, feed, tuning.keepAlive())));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    LOG.info(
        "discoverd started url={} zk={} ttl={}", url(), config.zkConnect(), tuning.instanceTtl());
  }

  /**
   * Starts serving this server's registry over DNS ({@code <service>.discoverd}, {@code
   * leader.<service>.discoverd}, SRV names), forwarding other names; the caller closes it.
   *
   * @throws IOException when the address cannot be bound, e.g. another DNS server owns the port
   */
  public DnsServer serveDns(DnsConfig dns) throws IOException {
    if (state.get() != State.STARTED) {
      throw new IllegalStateException("discoverd is not running: " + state.get());
    }
    return DnsServer.start(dns, directory);
  }

  public int port() {
    if (http == null) {
      throw new IllegalStateException("discoverd is not started");
    }
    return http.port();
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:1111}. */
  public String url() {
    String host = config.bindHost();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port();
  }

  /** Ends every event stream, stops serving and leaves ZooKeeper; instances stay registered. */
  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) == State.CLOSED) {
      return;
    }
    if (registry != null) {
      registry.close();
    }
    if (http != null) {
      http.close();
    }
    if (expirer != null) {
      expirer.close();
    }
    if (feed != null) {
      feed.close();
    }
    if (curator != null) {
      curator.close();
    }
    LOG.info("discoverd stopped port={}", config.port());
  }

  private CuratorFramework connect() {
    CuratorFramework c =
        CuratorFrameworkFactory.builder()
            .connectString(config.zkConnect())
            .sessionTimeoutMs(ZK_SESSION_TIMEOUT_MS)
            .connectionTimeoutMs(ZK_CONNECTION_TIMEOUT_MS)
            .retryPolicy(new ExponentialBackoffRetry(100, 5))
            .build();
    c.start();
    try {
      if (!c.blockUntilConnected((int) ZK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        c.close();
        throw new IllegalStateException(
            "discoverd cannot reach zookeeper at " + config.zkConnect() + " within " + ZK_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.close();
      throw new IllegalStateException("interrupted while connecting to zookeeper", e);
    }
    return c;
  }
}
