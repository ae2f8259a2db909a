package flynn.router.routes;

import flynn.api.router.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of the routes, indexed for lookup: HTTP routes by domain (exact, then
 * wildcard {@code *.example.com} most specific first, then {@code *}) and longest path prefix, TCP
 * routes by port. Changes return a new table; the router swaps snapshots atomically.
 */
public final class RouteTable {
  private static final RouteTable EMPTY = new RouteTable(Map.of());
  private static final Comparator<Route> LONGEST_PATH_FIRST =
      Comparator.comparingInt((Route r) -> normalizedPath(r.path()).length()).reversed();

  private final Map<String, Route> byId;
  private final Map<String, List<Route>> httpByDomain;
  private final Map<Integer, Route> tcpByPort;

  private RouteTable(Map<String, Route> byId) {
    this.byId = Map.copyOf(byId);
    this.httpByDomain = indexHttp(byId.values());
    this.tcpByPort = indexTcp(byId.values());
  }

  public static RouteTable empty() {
    return EMPTY;
  }

  public static RouteTable of(Collection<Route> routes) {
    Map<String, Route> byId = new HashMap<>();
    for (Route r : routes) {
      byId.put(r.formattedId(), r);
    }
    return new RouteTable(byId);
  }

  /** This table with {@code route} added, or replacing the route of the same type and id. */
  public RouteTable with(Route route) {
    Map<String, Route> next = new HashMap<>(byId);
    next.put(route.formattedId(), route);
    return new RouteTable(next);
  }

  /** This table without the route of {@code route}'s type and id (unchanged if absent). */
  public RouteTable without(Route route) {
    if (!byId.containsKey(route.formattedId())) {
      return this;
    }
    Map<String, Route> next = new HashMap<>(byId);
    next.remove(route.formattedId());
    return new RouteTable(next);
  }

  /** The HTTP route for a request's Host header (port ignored) and path. */
  public Optional<Route> matchHttp(String hostHeader, String path) {
    String host = normalizedHost(hostHeader);
    String reqPath = path == null || path.isEmpty() ? "/" : path;
    for (String domain : candidateDomains(host)) {
      List<Route> routes = httpByDomain.get(domain);
      if (routes == null) {
        continue;
      }
      for (Route r : routes) {
        if (pathMatches(normalizedPath(r.path()), reqPath)) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  public Optional<Route> tcp(int port) {
    return Optional.ofNullable(tcpByPort.get(port));
  }

  public Collection<Route> routes() {
    return byId.values();
  }

  public Map<Integer, Route> tcpRoutes() {
    return tcpByPort;
  }

  /** The services any route sends traffic to. */
  public Set<String> services() {
    return byId.values().stream().map(Route::service).collect(Collectors.toUnmodifiableSet());
  }

  public int size() {
    return byId.size();
  }

  /** Lower case, without the port and a trailing dot; an IPv6 literal keeps its brackets. */
  static String normalizedHost(String hostHeader) {
    if (hostHeader == null) {
      return "";
    }
    String h = hostHeader.trim().toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    if (colon >= 0 && h.indexOf(']') < colon) {
      h = h.substring(0, colon);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /** The exact host, then {@code *.b.c}, {@code *.c} for {@code a.b.c}, then {@code *}. */
  static List<String> candidateDomains(String host) {
    List<String> out = new ArrayList<>();
    out.add(host);
    for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      out.add("*" + host.substring(dot));
    }
    out.add("*");
    return out;
  }

  /** A route path without its trailing slash; the root path is empty (it prefixes everything). */
  static String normalizedPath(String path) {
    if (path == null) {
      return "";
    }
    String p = path.startsWith("/") ? path : "/" + path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /**
   * Prefix match on whole path segments: {@code /api} matches {@code /api/x}, not {@code /apix}.
   */
  static boolean pathMatches(String routePath, String requestPath) {
    if (routePath.isEmpty()) {
      return true;
    }
    if (!requestPath.startsWith(routePath)) {
      return false;
    }
    if (requestPath.length() == routePath.length()) {
      return true;
    }
    char next = requestPath.charAt(routePath.length());
    return next == '/' || next == '?';
  }

  private static Map<String, List<Route>> indexHttp(Collection<Route> routes) {
    Map<String, List<Route>> index = new HashMap<>();
    for (Route r : routes) {
      if (r.isHttp() && r.domain() != null) {
        index.computeIfAbsent(normalizedHost(r.domain()), d -> new ArrayList<>()).add(r);
      }
    }
    index.replaceAll((d, list) -> list.stream().sorted(LONGEST_PATH_FIRST).toList());
    return Map.copyOf(index);
  }

  private static Map<Integer, Route> indexTcp(Collection<Route> routes) {
    Map<Integer, Route> index = new HashMap<>();
    for (Route r : routes) {
      if (Route.TCP.equals(r.type()) && r.port() != null) {
        index.put(r.port(), r);
      }
    }
    return Map.copyOf(index);
  }
}
