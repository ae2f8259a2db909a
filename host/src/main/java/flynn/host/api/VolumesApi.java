package flynn.host.api;

import flynn.host.jobs.Jobs;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/** {@code /volumes}: list this host's volumes, delete one no live job uses. */
final class VolumesApi implements HttpService {
  private final Jobs jobs;

  VolumesApi(Jobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", this::list).delete("/{id}", this::delete);
  }

  private void list(ServerRequest req, ServerResponse res) {
    Responses.json(res, jobs.listVolumes());
  }

  private void delete(ServerRequest req, ServerResponse res) {
    jobs.deleteVolume(req.path().pathParameters().get("id"));
    Responses.json(res, Map.of());
  }
}
