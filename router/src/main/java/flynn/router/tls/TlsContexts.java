package flynn.router.tls;

import flynn.api.router.Route;
import io.netty.handler.ssl.SslContext;
import io.netty.util.Mapping;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS listener's certificates by TLS server name (SNI): the routes' own certificates, and the
 * cluster certificate for every other name and for clients that send none. {@link
 * #update(Collection)} swaps in a new immutable table atomically; handshakes in progress keep the
 * one they started with. A certificate shared by many routes gets one context, and contexts of
 * unchanged certificates are carried over, so an update only parses what is new.
 */
public final class TlsContexts implements Mapping<String, SslContext> {
  private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);

  /** rejected: certificates that failed to load, so later updates neither retry nor re-log them. */
  private record Snapshot(
      SniTable table, Map<CertKey, SslContext> contexts, Set<CertKey> rejected) {}

  private final SslContext cluster;
  private final AtomicReference<Snapshot> current =
      new AtomicReference<>(new Snapshot(SniTable.EMPTY, Map.of(), Set.of()));

  public TlsContexts(ClusterCa clusterCa) {
    this.cluster =
        ServerSslContexts.build(new CertKey(clusterCa.certChainPem(), clusterCa.keyPem()));
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

  /** The context for a client's server name; the cluster's when no route certificate fits. */
  @Override
  public SslContext map(String serverName) {
    Snapshot snapshot = current.get();
    CertKey cert = snapshot.table().lookup(serverName);
    return cert == null ? cluster : snapshot.contexts().getOrDefault(cert, cluster);
  }

  public SslContext clusterContext() {
    return cluster;
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
