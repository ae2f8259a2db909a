package flynn.router.http;

import flynn.api.router.Route;
import flynn.router.backends.Backend;
import flynn.router.backends.BackendSource;
import flynn.router.routes.RouteTable;
import flynn.router.tls.HttpsRedirect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Where a request goes: no route (404), to https (308), no backend (503), or backends to try in
 * order.
 */
sealed interface ProxyDecision {
  record NoRoute() implements ProxyDecision {}

  record NoBackend(Route route) implements ProxyDecision {}

  /** A plain-HTTP request on a route that wants HTTPS only. */
  record Redirect(Route route) implements ProxyDecision {}

  /** Backends in the order to try them: the sticky one first, the rest shuffled. */
  record Forward(Route route, List<Backend> candidates) implements ProxyDecision {}

  /**
   * @param plainHttpWithHttps the request came over plain HTTP and the router serves HTTPS too
   */
  static ProxyDecision decide(
      RouteTable table,
      BackendSource backends,
      String host,
      String path,
      String stickyAddr,
      Random random,
      boolean plainHttpWithHttps) {
    Route route = table.matchHttp(host, path).orElse(null);
    if (route == null) {
      return new NoRoute();
    }
    if (plainHttpWithHttps && HttpsRedirect.applies(route, host, path)) {
      return new Redirect(route);
    }
    List<Backend> all = backends.backends(route);
    if (all.isEmpty()) {
      return new NoBackend(route);
    }
    if (all.size() == 1) {
      return new Forward(route, List.copyOf(all)); // one order only: no copy to shuffle
    }
    List<Backend> order = new ArrayList<>(all);
    Collections.shuffle(order, random);
    if (stickyAddr != null) {
      for (int i = 0; i < order.size(); i++) {
        if (order.get(i).addr().equals(stickyAddr)) {
          order.addFirst(order.remove(i));
          break;
        }
      }
    }
    return new Forward(route, List.copyOf(order));
  }
}
