package flynn.appliances.platform;

import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.Formation;
import flynn.api.controller.Release;
import flynn.api.discoverd.Instance;
import flynn.api.http.ApiException;
import flynn.http.ApiServer;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The controller's and discoverd's endpoints an appliance platform calls, in memory, on one real
 * HTTP server: apps, artifacts, releases, formations; a service's leader appears once a formation
 * runs a job of it. Every request that changes something is recorded.
 */
final class FakeCluster implements AutoCloseable {
  private final Map<String, App> apps = new ConcurrentHashMap<>();
  private final Map<String, Release> releases = new ConcurrentHashMap<>();
  private final Map<String, String> leaders = new ConcurrentHashMap<>();
  final List<String> changes = new CopyOnWriteArrayList<>();
  final List<Formation> formations = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final ApiServer server;

  FakeCluster() {
    server = ApiServer.start("127.0.0.1", 0, null, Set.of(), this::routes);
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /** An app that has run before, with its release. */
  void existing(String name, Release release) {
    Release stored = withId(release);
    apps.put(name, new App("app-" + name, name, null, null, stored.id(), null, null, null));
    leaders.put(name, "127.0.0.1:5432");
  }

  private void routes(HttpRouting.Builder r) {
    r.get(
        "/apps/{app}",
        (req, res) -> Responses.json(res, app(req.path().pathParameters().get("app"))));
    r.post("/apps", this::createApp);
    r.post(
        "/artifacts",
        (req, res) -> {
          changes.add("artifact");
          Artifact a = Bodies.read(req, Artifact.class);
          Responses.json(
              res,
              new Artifact(
                  "artifact-1", a.type(), a.uri(), a.meta(), a.manifest(), null, null, null, null));
        });
    r.post(
        "/releases",
        (req, res) -> {
          changes.add("release");
          Responses.json(res, withId(Bodies.read(req, Release.class)));
        });
    r.get(
        "/apps/{app}/release",
        (req, res) ->
            Responses.json(
                res, releases.get(app(req.path().pathParameters().get("app")).release())));
    r.put("/apps/{app}/release", this::setRelease);
    r.put("/apps/{app}/formations/{release}", this::putFormation);
    r.get(
        "/services/{service}/leader",
        (req, res) -> {
          String service = req.path().pathParameters().get("service");
          String addr = leaders.get(service);
          if (addr == null) {
            throw ApiException.notFound("leader", service);
          }
          Responses.json(res, Instance.of("tcp", addr, Map.of()));
        });
  }

  private App app(String idOrName) {
    return apps.values().stream()
        .filter(a -> a.id().equals(idOrName) || a.name().equals(idOrName))
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("app", idOrName));
  }

  private void createApp(ServerRequest req, ServerResponse res) {
    App body = Bodies.read(req, App.class);
    changes.add("app " + body.name() + " strategy=" + body.strategy());
    App app =
        new App("app-" + body.name(), body.name(), null, body.strategy(), null, null, null, null);
    if (apps.putIfAbsent(body.name(), app) != null) {
      throw ApiException.exists("app " + body.name() + " exists");
    }
    Responses.json(res, app);
  }

  private void setRelease(ServerRequest req, ServerResponse res) {
    App app = app(req.path().pathParameters().get("app"));
    @SuppressWarnings("unchecked")
    Map<String, String> body = Bodies.read(req, Map.class);
    changes.add("set release " + body.get("id"));
    apps.put(
        app.name(),
        new App(app.id(), app.name(), null, app.strategy(), body.get("id"), null, null, null));
    res.status(200).send();
  }

  private void putFormation(ServerRequest req, ServerResponse res) {
    Formation f = Bodies.read(req, Formation.class);
    formations.add(f);
    changes.add("formation " + f.processes());
    App app = app(f.app());
    leaders.put(app.name(), "127.0.0.1:5432");
    Responses.json(res, f);
  }

  private Release withId(Release r) {
    Release stored =
        new Release(
            "release-" + ids.incrementAndGet(),
            r.appId(),
            r.artifacts(),
            r.env(),
            r.meta(),
            r.processes(),
            null,
            null);
    releases.put(stored.id(), stored);
    return stored;
  }

  @Override
  public void close() {
    server.close();
  }
}
