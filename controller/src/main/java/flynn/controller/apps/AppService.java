package flynn.controller.apps;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.AppDeletion;
import flynn.api.controller.Deployment;
import flynn.api.controller.Event;
import flynn.api.http.ApiException;
import flynn.controller.db.Ids;
import flynn.controller.db.SqlErrors;
import flynn.controller.events.EventStore;
import flynn.controller.formations.FormationService;
import flynn.controller.resources.AppResources;
import flynn.controller.routes.RouteService;
import flynn.controller.volumes.VolumeService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Creates, changes and deletes apps, each with its event. */
public final class AppService {
  static final String DEFAULT_STRATEGY = "all-at-once";
  static final int DEFAULT_DEPLOY_TIMEOUT = 120;
  private static final String SYSTEM_APP = "flynn-system-app";
  private static final String GC_MAX_INACTIVE = "gc.max_inactive_slug_releases";

  private final Jdbi jdbi;
  private final AppNames names;
  private final String routeDomain;
  private final AppResources resources;

  /**
   * @param routeDomain the domain of new apps' default routes ({@code <app>.<domain>}), or null for
   *     none
   */
  public AppService(Jdbi jdbi, AppNames names, String routeDomain, AppResources resources) {
    this.jdbi = jdbi;
    this.names = names;
    this.routeDomain = routeDomain;
    this.resources = resources;
  }

  public App create(App body) {
    App app = withDefaults(body);
    try {
      return jdbi.inTransaction(h -> {
        App created = new AppStore(h).insert(app);
        new EventStore(h).append(created.id(), Event.APP, created.id(), created);
        if (routeDomain != null && !routeDomain.isEmpty() && !isSystemApp(created)) {
          RouteService.addDefaultRoute(h, created, routeDomain);
        }
        return created;
      });
    } catch (UnableToExecuteStatementException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw ApiException.exists(
            "app \"" + app.name() + "\" or id " + app.id() + " already exists");
      }
      throw e;
    }
  }

  private App withDefaults(App body) {
    String id = body.id() == null ? Ids.random() : Ids.require("id", body.id());
    String name =
        body.name() == null || body.name().isEmpty()
            ? names.generate()
            : AppNames.require(body.name());
    Map<String, String> meta =
        body.meta() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(batchSize(body.meta()));
    meta.putIfAbsent(GC_MAX_INACTIVE, "10");
    return new App(
        id,
        name,
        meta,
        body.strategy() == null || body.strategy().isEmpty()
            ? DEFAULT_STRATEGY
            : strategy(body.strategy()),
        null,
        deployTimeout(body.deployTimeout() == null ? DEFAULT_DEPLOY_TIMEOUT : body.deployTimeout()),
        null,
        null);
  }

  public App get(String idOrName) {
    return jdbi.withHandle(h -> AppLookup.require(h, idOrName));
  }

  public List<App> list() {
    return jdbi.withHandle(h -> new AppStore(h).list());
  }

  /** Changes the fields the body sets: meta, strategy, deploy_timeout. */
  public App update(String idOrName, App changes) {
    return jdbi.inTransaction(h -> {
      App app = AppLookup.require(h, idOrName);
      App changed =
          new App(
              app.id(),
              app.name(),
              changes.meta() == null ? app.meta() : batchSize(changes.meta()),
              changes.strategy() == null || changes.strategy().isEmpty()
                  ? app.strategy()
                  : strategy(changes.strategy()),
              app.release(),
              changes.deployTimeout() == null
                  ? app.deployTimeout()
                  : deployTimeout(changes.deployTimeout()),
              app.createdAt(),
              app.updatedAt());
      App updated = new AppStore(h).update(changed);
      new EventStore(h).append(app.id(), Event.APP, app.id(), updated);
      return updated;
    });
  }

  /**
   * Deletes the app (its name becomes free) and its formations, so the scheduler stops its jobs.
   * Resources only this app uses are deprovisioned first (see {@link AppResources}).
   */
  public void delete(String idOrName) {
    Set<String> deprovisioned = resources.deprovisionOwned(get(idOrName).id());
    jdbi.useTransaction(h -> {
      App app = AppLookup.require(h, idOrName);
      FormationService.deleteAllOf(h, app.id());
      List<JsonNode> routes =
          RouteService.deleteAllOf(h, app.id()).stream()
              .map(r -> Json.mapper().<JsonNode>valueToTree(r))
              .toList();
      List<JsonNode> deletedResources =
          AppResources.forget(h, app.id(), deprovisioned).stream()
              .map(r -> Json.mapper().<JsonNode>valueToTree(r))
              .toList();
      VolumeService.decommissionAllOf(h, app.id());
      new AppStore(h).markDeleted(app.id());
      // Flynn's shape; release garbage collection comes with a later issue
      AppDeletion deletion = new AppDeletion(app.id(), routes, deletedResources, List.of());
      new EventStore(h)
          .append(app.id(), Event.APP_DELETION, app.id(), new AppDeletion.Event(deletion, ""));
    });
  }

  private static boolean isSystemApp(App app) {
    return app.meta() != null && "true".equals(app.meta().get(SYSTEM_APP));
  }

  private static String strategy(String s) {
    if (!Deployment.STRATEGIES.contains(s)) {
      throw ApiException.validation(
          "strategy",
          "unknown deployment strategy "
              + s
              + "; use one of "
              + String.join(", ", Deployment.STRATEGIES.stream().sorted().toList()));
    }
    return s;
  }

  /** The meta, after checking its deploy batch size (when set) is a positive number. */
  private static Map<String, String> batchSize(Map<String, String> meta) {
    String v = meta.get(Deployment.META_BATCH_SIZE);
    if (v != null && !v.isEmpty()) {
      try {
        if (Integer.parseInt(v.trim()) > 0) {
          return meta;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw ApiException.validation(
          "meta",
          Deployment.META_BATCH_SIZE + " must be a positive whole number, got \"" + v + "\"");
    }
    return meta;
  }

  private static int deployTimeout(int seconds) {
    if (seconds <= 0) {
      throw ApiException.validation(
          "deploy_timeout", "deploy_timeout must be a positive number of seconds");
    }
    return seconds;
  }
}
