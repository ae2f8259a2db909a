package flynn.controller.routes;

import flynn.api.controller.App;
import flynn.api.controller.Event;
import flynn.api.http.ApiException;
import flynn.api.router.Certificate;
import flynn.api.router.Route;
import flynn.controller.apps.AppLookup;
import flynn.controller.db.Ids;
import flynn.controller.events.EventStore;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, changes and deletes routes, each change with its {@code route} or {@code route_deletion}
 * event in the same transaction (routers follow those events). Checks across routes run under
 * {@link RouteStore#lock()}, so they hold until commit.
 */
public final class RouteService {
  private static final Logger LOG = LoggerFactory.getLogger(RouteService.class);

  private final Jdbi jdbi;
  private final PortRange tcpPorts;

  public RouteService(Jdbi jdbi, PortRange tcpPorts) {
    this.jdbi = jdbi;
    this.tcpPorts = tcpPorts;
  }

  public List<Route> listAll() {
    return jdbi.withHandle(h -> new RouteStore(h).list(null));
  }

  public List<Route> list(String app) {
    return jdbi.withHandle(
        h -> new RouteStore(h).list(Route.appRef(AppLookup.require(h, app).id())));
  }

  public Route get(String app, String type, String id) {
    return jdbi.withHandle(h -> require(h, AppLookup.require(h, app), type, id));
  }

  public Route create(String app, Route body) {
    return jdbi.inTransaction(h -> {
      App owner = AppLookup.require(h, app);
      Route route = RouteRules.newRoute(body, owner.id(), tcpPorts);
      RouteStore store = new RouteStore(h);
      store.lock();
      return add(h, store, route, tcpPorts);
    });
  }

  public Route update(String app, String type, String id, Route body) {
    return jdbi.inTransaction(h -> {
      RouteStore store = new RouteStore(h);
      store.lock();
      Route existing = require(h, AppLookup.require(h, app), type, id);
      Route changed = RouteRules.changed(existing, body, tcpPorts);
      if (!changed.isHttp() && !changed.port().equals(existing.port())) {
        requireFreePort(store, changed.port());
      }
      Route updated = store.update(withSavedCertificate(store, changed));
      dropReplacedCertificate(store, existing, updated);
      new EventStore(h).append(appOf(updated), Event.ROUTE, updated.id(), updated);
      return updated;
    });
  }

  public void delete(String app, String type, String id) {
    jdbi.useTransaction(h -> {
      RouteStore store = new RouteStore(h);
      store.lock();
      Route route = require(h, AppLookup.require(h, app), type, id);
      if (route.isHttp() && "/".equals(route.path()) && store.pathRoutesOf(route.domain()) > 0) {
        throw ApiException.validation(
            "path",
            "the default route of "
                + route.domain()
                + " has routes with a path; remove those first");
      }
      remove(h, store, route);
    });
  }

  /**
   * Adds Flynn's default route of a new app, {@code <app>.<domain>} to {@code <app>-web}, in the
   * app's transaction; skipped (and logged) when another app already routes that domain.
   */
  public static void addDefaultRoute(Handle h, App app, String domain) {
    RouteStore store = new RouteStore(h);
    store.lock();
    String host = app.name() + "." + domain;
    if (store.httpExists(host, "/")) {
      LOG.warn("default route skipped app={} domain={} reason=domain-taken", app.name(), host);
      return;
    }
    Route body = Route.http(host, null, app.name() + "-web").withDrainBackends(true);
    add(h, store, RouteRules.newRoute(body, app.id(), PortRange.DEFAULT), PortRange.DEFAULT);
  }

  /** Deletes every route of an app, path routes first, each with its event; returns them. */
  public static List<Route> deleteAllOf(Handle h, String appId) {
    RouteStore store = new RouteStore(h);
    store.lock();
    List<Route> routes =
        store.list(Route.appRef(appId)).stream()
            .sorted(Comparator.comparing((Route r) -> "/".equals(r.path())))
            .toList();
    routes.forEach(r -> remove(h, store, r));
    return routes;
  }

  private static Route add(Handle h, RouteStore store, Route route, PortRange tcpPorts) {
    Route withId = route.withId(Ids.random());
    if (withId.isHttp()) {
      checkHttpSlot(store, withId);
    } else if (withId.port() == null) {
      withId = withPort(withId, tcpPorts.lowestFree(store.tcpPortsInUse()), tcpPorts);
    } else {
      requireFreePort(store, withId.port());
    }
    Route added = store.insert(withSavedCertificate(store, withId));
    new EventStore(h).append(appOf(added), Event.ROUTE, added.id(), added);
    LOG.info("route added route={} service={}", describe(added), added.service());
    return added;
  }

  private static void remove(Handle h, RouteStore store, Route route) {
    store.delete(route);
    if (route.certificate() != null) {
      store.deleteCertificateIfUnused(route.certificate().id());
    }
    new EventStore(h).append(appOf(route), Event.ROUTE_DELETION, route.id(), route);
    LOG.info("route removed route={}", describe(route));
  }

  private static void checkHttpSlot(RouteStore store, Route route) {
    if (store.httpExists(route.domain(), route.path())) {
      throw ApiException.conflict(
          "a route for " + route.domain() + route.path() + " already exists");
    }
    if (!"/".equals(route.path()) && !store.httpExists(route.domain(), "/")) {
      throw ApiException.validation(
          "path",
          "add the default route of "
              + route.domain()
              + " (without a path) before a route with a path");
    }
  }

  private static Route withPort(Route route, OptionalInt free, PortRange tcpPorts) {
    int port =
        free.orElseThrow(
            () -> ApiException.conflict("every TCP route port " + tcpPorts + " is taken"));
    return route.withPort(port);
  }

  private static void requireFreePort(RouteStore store, int port) {
    if (store.tcpPortsInUse().contains(port)) {
      throw ApiException.conflict("TCP port " + port + " is taken by another route");
    }
  }

  private static Route withSavedCertificate(RouteStore store, Route route) {
    Certificate c = route.certificate();
    if (c == null || c.id() != null) {
      return route;
    }
    return route.withCertificate(store.saveCertificate(c, Ids.random()));
  }

  private static void dropReplacedCertificate(RouteStore store, Route before, Route after) {
    String old = before.certificate() == null ? null : before.certificate().id();
    String now = after.certificate() == null ? null : after.certificate().id();
    if (old != null && !old.equals(now)) {
      store.deleteCertificateIfUnused(old);
    }
  }

  private static Route require(Handle h, App app, String type, String id) {
    return new RouteStore(h)
        .find(type, id)
        .filter(r -> Route.appRef(app.id()).equals(r.parentRef()))
        .orElseThrow(() -> ApiException.notFound("route", type + "/" + id));
  }

  private static String appOf(Route r) {
    String prefix = Route.appRef("");
    return r.parentRef() != null && r.parentRef().startsWith(prefix)
        ? r.parentRef().substring(prefix.length())
        : null;
  }

  private static String describe(Route r) {
    return r.isHttp() ? "http:" + r.domain() + r.path() : "tcp:" + r.port();
  }
}
