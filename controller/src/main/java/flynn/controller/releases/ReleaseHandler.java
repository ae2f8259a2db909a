package flynn.controller.releases;

import flynn.api.controller.Release;
import flynn.controller.web.Params;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;

/** {@code /releases}, {@code /apps/:id/releases} and {@code /apps/:id/release}. */
public final class ReleaseHandler {
  private final ReleaseService releases;

  public ReleaseHandler(ReleaseService releases) {
    this.releases = releases;
  }

  public void routes(HttpRouting.Builder r) {
    r.post(
        "/releases",
        (req, res) -> Responses.json(res, releases.create(Bodies.read(req, Release.class))));
    r.get("/releases", (req, res) -> Responses.json(res, releases.list()));
    r.get(
        "/releases/{id}", (req, res) -> Responses.json(res, releases.get(Params.path(req, "id"))));
    r.get(
        "/apps/{app}/releases",
        (req, res) -> Responses.json(res, releases.listForApp(Params.path(req, "app"))));
    r.get(
        "/apps/{app}/release",
        (req, res) -> Responses.json(res, releases.current(Params.path(req, "app"))));
    r.put(
        "/apps/{app}/release",
        (req, res) ->
            Responses.json(
                res,
                releases.setCurrent(
                    Params.path(req, "app"), Bodies.read(req, Release.class).id())));
  }
}
