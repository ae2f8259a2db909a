package flynn.controller.deployments;

import flynn.api.controller.DeployRequest;
import flynn.controller.web.Params;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;

/** {@code POST /apps/:id/deploy}, {@code GET /apps/:id/deployments}, {@code /deployments/:id}. */
public final class DeploymentHandler {
  private final DeploymentService deployments;

  public DeploymentHandler(DeploymentService deployments) {
    this.deployments = deployments;
  }

  public void routes(HttpRouting.Builder r) {
    r.post(
        "/apps/{app}/deploy",
        (req, res) ->
            Responses.json(
                res,
                deployments.create(
                    Params.path(req, "app"), Bodies.read(req, DeployRequest.class))));
    r.get(
        "/apps/{app}/deployments",
        (req, res) -> Responses.json(res, deployments.list(Params.path(req, "app"))));
    r.get(
        "/deployments/{id}",
        (req, res) -> Responses.json(res, deployments.get(Params.path(req, "id"))));
  }
}
