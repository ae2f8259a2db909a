package flynn.controller.apps;

import flynn.api.controller.App;
import flynn.controller.web.Params;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;

/** {@code /apps}: the app's {@code :id} is its id or its name. */
public final class AppHandler {
  private final AppService apps;

  public AppHandler(AppService apps) {
    this.apps = apps;
  }

  public void routes(HttpRouting.Builder r) {
    r.post("/apps", (req, res) -> Responses.json(res, apps.create(Bodies.read(req, App.class))));
    r.get("/apps", (req, res) -> Responses.json(res, apps.list()));
    r.get("/apps/{app}", (req, res) -> Responses.json(res, apps.get(Params.path(req, "app"))));
    r.post(
        "/apps/{app}",
        (req, res) ->
            Responses.json(res, apps.update(Params.path(req, "app"), Bodies.read(req, App.class))));
    r.put(
        "/apps/{app}",
        (req, res) ->
            Responses.json(res, apps.update(Params.path(req, "app"), Bodies.read(req, App.class))));
    r.post(
        "/apps/{app}/meta",
        (req, res) ->
            Responses.json(res, apps.update(Params.path(req, "app"), Bodies.read(req, App.class))));
    r.delete(
        "/apps/{app}",
        (req, res) -> {
          apps.delete(Params.path(req, "app"));
          res.status(200).send();
        });
  }
}
