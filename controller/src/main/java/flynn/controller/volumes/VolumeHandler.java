package flynn.controller.volumes;

import flynn.api.controller.Volume;
import flynn.controller.web.Params;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;

/** {@code /volumes} and {@code /apps/:app/volumes}. */
public final class VolumeHandler {
  private final VolumeService volumes;

  public VolumeHandler(VolumeService volumes) {
    this.volumes = volumes;
  }

  public void routes(HttpRouting.Builder r) {
    r.get("/volumes", (req, res) -> Responses.json(res, volumes.listAll()));
    r.put(
        "/volumes/{id}",
        (req, res) ->
            Responses.json(
                res, volumes.put(Params.path(req, "id"), Bodies.read(req, Volume.class))));
    r.get(
        "/apps/{app}/volumes",
        (req, res) -> Responses.json(res, volumes.list(Params.path(req, "app"))));
    r.get(
        "/apps/{app}/volumes/{id}",
        (req, res) ->
            Responses.json(res, volumes.get(Params.path(req, "app"), Params.path(req, "id"))));
    r.put(
        "/apps/{app}/volumes/{id}/decommission",
        (req, res) ->
            Responses.json(
                res, volumes.decommission(Params.path(req, "app"), Params.path(req, "id"))));
  }
}
