package flynn.router.tls;

import flynn.api.router.Route;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AsyncMapping;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS listener's certificates by TLS server name (SNI): the routes' own certificates, and the
 * cluster certificate for every other name and for clients that send none. {@link
 * #update(Collection)} swaps in a new immutable table atomically; handshakes in progress keep the
 * one they started with. A certificate shared by many routes gets one context, and contexts of
 * unchanged certificates are carried over, so an update only parses what is new. A routed name one
 * label under the cluster domain that no route certificate covers gets its own certificate from the
 * cluster CA ({@link NameCertificates}), as strict clients refuse {@code *.localhost}; the
 * handshake waits for it to be issued.
 */
public final class TlsContexts implements AsyncMapping<String, SslContext>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);

  /** rejected: certificates that failed to load, so later updates neither retry nor re-log them. */
  private record Snapshot(
      SniTable table, Map<CertKey, SslContext> contexts, Set<CertKey> rejected) {}

  private final SslContext cluster;
  private final NameCertificates names;
  private final Predicate<String> routed;
  private final AtomicReference<Snapshot> current =
      new AtomicReference<>(new Snapshot(SniTable.EMPTY, Map.of(), Set.of()));

  /**
   * @param routed whether the router has a route for a server name: only those get a certificate of
   *     their own
   */
  public TlsContexts(ClusterCa clusterCa, Predicate<String> routed) {
    this.cluster =
        ServerSslContexts.build(new CertKey(clusterCa.certChainPem(), clusterCa.keyPem()));
    this.routed = routed;
    this.names =
        new NameCertificates(
            clusterCa.authority(),
            clusterCa.domain(),
            clusterCa.dir().resolve("names"),
            NameCertificates.MAX_NAMES,
            Clock.systemUTC());
    log.info("event=tls_contexts provider={}", ServerSslContexts.provider());
  }

  /** Serves the certificates of these routes from now on (all routes, not a change set). */
  public synchronized void update(Collection<Route> routes) {
    SniTable table = SniTable.of(routes);
    Snapshot previous = current.get();
    var contexts = new HashMap<CertKey, SslContext>();
    var rejected = new HashSet<CertKey>();
    for (CertKey cert : Set.copyOf(table.byDomain().values())) {
      SslContext context = previous.contexts().get(cert);
      if (context == null && !previous.rejected().contains(cert)) {
        context = build(cert, table);
      }
      if (context != null) {
        contexts.put(cert, context);
      } else {
        rejected.add(cert);
      }
    }
    current.set(new Snapshot(table, Map.copyOf(contexts), Set.copyOf(rejected)));
  }

  /**
   * The context for a client's server name: a route's certificate, else the name's own (issued on
   * first use), else the cluster's. Completes on another thread when a certificate is issued.
   */
  @Override
  public Future<SslContext> map(String serverName, Promise<SslContext> promise) {
    SslContext fromRoutes = map(serverName);
    if (fromRoutes != cluster || !names.issuable(serverName) || !routed.test(serverName)) {
      return promise.setSuccess(fromRoutes);
    }
    names
        .forName(serverName)
        .whenComplete((context, error) -> {
          if (error != null) {
            log.warn(
                "event=name_certificate_failed name={} error=\"{}\" fallback=cluster_certificate",
                serverName,
                error.toString());
            promise.trySuccess(cluster);
          } else {
            promise.trySuccess(context);
          }
        });
    return promise;
  }

  /** The context for a client's server name; the cluster's when no route certificate fits. */
  public SslContext map(String serverName) {
    Snapshot snapshot = current.get();
    CertKey cert = snapshot.table().lookup(serverName);
    return cert == null ? cluster : snapshot.contexts().getOrDefault(cert, cluster);
  }

  public SslContext clusterContext() {
    return cluster;
  }

  @Override
  public void close() {
    names.close();
  }

  private static SslContext build(CertKey cert, SniTable table) {
    try {
      return ServerSslContexts.build(cert);
    } catch (IllegalArgumentException e) {
      var domains =
          table.byDomain().entrySet().stream()
              .filter(entry -> entry.getValue().equals(cert))
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      log.warn(
          "event=route_certificate_rejected domains={} error=\"{}\" fallback=cluster_certificate",
          domains,
          e.getMessage());
      return null;
    }
  }
}
