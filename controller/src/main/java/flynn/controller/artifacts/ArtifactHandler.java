package flynn.controller.artifacts;

import flynn.api.controller.Artifact;
import flynn.controller.web.Params;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;

/** {@code /artifacts}. */
public final class ArtifactHandler {
  private final ArtifactService artifacts;

  public ArtifactHandler(ArtifactService artifacts) {
    this.artifacts = artifacts;
  }

  public void routes(HttpRouting.Builder r) {
    r.post(
        "/artifacts",
        (req, res) -> Responses.json(res, artifacts.create(Bodies.read(req, Artifact.class))));
    r.get("/artifacts", (req, res) -> Responses.json(res, artifacts.list()));
    r.get(
        "/artifacts/{id}",
        (req, res) -> Responses.json(res, artifacts.get(Params.path(req, "id"))));
  }
}
