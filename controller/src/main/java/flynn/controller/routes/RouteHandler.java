package flynn.controller.routes;

import flynn.api.router.Route;
import flynn.controller.web.Params;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;

/** Flynn's routes API: all routes, and an app's routes by {@code :type/:id}. */
public final class RouteHandler {
  private static final String ONE = "/apps/{app}/routes/{type}/{id}";

  private final RouteService routes;

  public RouteHandler(RouteService routes) {
    this.routes = routes;
  }

  public void routes(HttpRouting.Builder r) {
    r.get("/routes", (req, res) -> Responses.json(res, routes.listAll()));
    r.post(
        "/apps/{app}/routes",
        (req, res) ->
            Responses.json(
                res, routes.create(Params.path(req, "app"), Bodies.read(req, Route.class))));
    r.get(
        "/apps/{app}/routes",
        (req, res) -> Responses.json(res, routes.list(Params.path(req, "app"))));
    r.get(ONE, (req, res) -> Responses.json(res, routes.get(app(req), type(req), id(req))));
    r.put(
        ONE,
        (req, res) ->
            Responses.json(
                res, routes.update(app(req), type(req), id(req), Bodies.read(req, Route.class))));
    r.delete(
        ONE,
        (req, res) -> {
          routes.delete(app(req), type(req), id(req));
          res.status(200).send();
        });
  }

  private static String app(ServerRequest req) {
    return Params.path(req, "app");
  }

  private static String type(ServerRequest req) {
    return Params.path(req, "type");
  }

  private static String id(ServerRequest req) {
    return Params.path(req, "id");
  }
}
