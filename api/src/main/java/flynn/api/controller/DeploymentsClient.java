package flynn.api.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.http.JsonHttp;
import java.util.List;

/** Deployments: {@code POST /apps/:id/deploy}, {@code GET /apps/:id/deployments}, one by id. */
public final class DeploymentsClient {
  private final JsonHttp http;

  DeploymentsClient(JsonHttp http) {
    this.http = http;
  }

  /**
   * Starts moving the app to {@code releaseId} with the app's strategy; the answer is the pending
   * (or, when nothing runs, already complete) deployment. Follow its progress with the app's {@code
   * deployment} events.
   */
  public Deployment create(String app, String releaseId) {
    return create(app, releaseId, null);
  }

  /**
   * As {@link #create(String, String)}, with {@code strategy} instead of the app's (if not null).
   */
  public Deployment create(String app, String releaseId, String strategy) {
    return http.post(
        "/apps/" + ControllerClient.enc(app) + "/deploy",
        new DeployRequest(releaseId, strategy),
        Deployment.class);
  }

  public List<Deployment> list(String app) {
    return http.get(
        "/apps/" + ControllerClient.enc(app) + "/deployments",
        new TypeReference<List<Deployment>>() {});
  }

  public Deployment get(String id) {
    return http.get("/deployments/" + ControllerClient.enc(id), Deployment.class);
  }
}
