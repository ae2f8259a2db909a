package flynn.host.api;

import flynn.api.host.HostJob;
import flynn.host.jobs.Jobs;
import flynn.http.Bodies;
import flynn.http.Responses;
import flynn.http.SseResponse;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/** {@code /host/jobs}: list (or stream events), get, add and stop jobs. */
final class JobsApi implements HttpService {
  private final Jobs jobs;

  JobsApi(Jobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", this::list)
        .get("/{id}", this::get)
        .put("/{id}", this::add)
        .delete("/{id}", this::stop);
  }

  private void list(ServerRequest req, ServerResponse res) {
    if (SseResponse.wanted(req)) {
      SsePump.pump(jobs.events(), new SseResponse(res));
      return;
    }
    Responses.json(res, jobs.list());
  }

  private void get(ServerRequest req, ServerResponse res) {
    Responses.json(res, jobs.get(id(req)));
  }

  private void add(ServerRequest req, ServerResponse res) {
    HostJob job = Bodies.read(req, HostJob.class);
    jobs.add(id(req), job);
    Responses.json(res, Map.of());
  }

  private void stop(ServerRequest req, ServerResponse res) {
    jobs.stop(id(req));
    Responses.json(res, Map.of());
  }

  private static String id(ServerRequest req) {
    return req.path().pathParameters().get("id");
  }
}
