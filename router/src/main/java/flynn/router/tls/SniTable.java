package flynn.router.tls;

import flynn.api.router.Route;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which certificate answers which TLS server name, from the HTTP routes that carry one: the exact
 * domain first, then wildcard domains from the most specific ({@code *.a.example.com}) to the
 * least, as Flynn's router looks routes up. When routes of one domain differ by path, the one with
 * the shortest path (normally {@code /}) gives the certificate.
 */
record SniTable(Map<String, CertKey> byDomain) {
  static final SniTable EMPTY = new SniTable(Map.of());

  SniTable {
    byDomain = Map.copyOf(byDomain);
  }

  static SniTable of(Collection<Route> routes) {
    var byDomain = new HashMap<String, CertKey>();
    routes.stream()
        .filter(route -> route.isHttp() && route.domain() != null && certificate(route) != null)
        .sorted(Comparator.comparingInt(route -> pathLength(route.path())))
        .forEach(route -> {
          CertKey cert = certificate(route);
          if (cert != null) {
            byDomain.putIfAbsent(route.domain().toLowerCase(Locale.ROOT), cert);
          }
        });
    return new SniTable(byDomain);
  }

  /** The certificate for a client's server name, or null when the cluster's default applies. */
  CertKey lookup(String serverName) {
    if (serverName == null || serverName.isEmpty()) {
      return null;
    }
    String name = serverName.toLowerCase(Locale.ROOT);
    CertKey exact = byDomain.get(name);
    if (exact != null) {
      return exact;
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      CertKey wildcard = byDomain.get("*" + name.substring(dot));
      if (wildcard != null) {
        return wildcard;
      }
    }
    return null;
  }

  private static CertKey certificate(Route route) {
    var cert = route.certificate();
    if (cert != null && present(cert.cert()) && present(cert.key())) {
      return new CertKey(cert.cert(), cert.key());
    }
    if (present(route.legacyTlsCert()) && present(route.legacyTlsKey())) {
      return new CertKey(route.legacyTlsCert(), route.legacyTlsKey());
    }
    return null;
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  private static int pathLength(String path) {
    return path == null ? 0 : path.length();
  }
}
