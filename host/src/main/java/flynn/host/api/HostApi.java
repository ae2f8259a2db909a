package flynn.host.api;

import flynn.api.host.HostStatus;
import flynn.host.jobs.Jobs;
import flynn.host.logs.LogStore;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;
import java.util.function.Supplier;

/** The host daemon's HTTP routes (Flynn's {@code /host/...} API). */
public final class HostApi {
  private HostApi() {}

  public static void install(
      HttpRouting.Builder routing, Jobs jobs, LogStore logs, Supplier<HostStatus> status) {
    routing
        .register("/host/jobs", new JobsApi(jobs))
        .register("/host/logs", new LogsApi(logs))
        .register("/volumes", new VolumesApi(jobs))
        .get("/host/status", (req, res) -> Responses.json(res, status.get()));
  }
}
