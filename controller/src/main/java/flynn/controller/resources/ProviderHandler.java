package flynn.controller.resources;

import flynn.api.controller.Provider;
import flynn.controller.web.Params;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;

/** {@code /providers}: a provider's {@code :provider} is its id or its name. */
public final class ProviderHandler {
  private final ProviderService providers;

  public ProviderHandler(ProviderService providers) {
    this.providers = providers;
  }

  public void routes(HttpRouting.Builder r) {
    r.post(
        "/providers",
        (req, res) -> Responses.json(res, providers.register(Bodies.read(req, Provider.class))));
    r.get("/providers", (req, res) -> Responses.json(res, providers.list()));
    r.get(
        "/providers/{provider}",
        (req, res) -> Responses.json(res, providers.get(Params.path(req, "provider"))));
  }
}
