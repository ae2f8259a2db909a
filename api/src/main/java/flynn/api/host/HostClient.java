package flynn.api.host;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.attach.AttachRequest;
import flynn.api.http.JsonHttp;
import flynn.api.http.SseStream;
import flynn.api.http.UpgradedConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A host daemon's API ({@code /host/...}), Flynn's shape. */
public final class HostClient {
  private final JsonHttp http;

  public HostClient(String url, String key) {
    this.http = new JsonHttp(url, key);
  }

  public String url() {
    return http.baseUrl();
  }

  public HostStatus status() {
    return http.get("/host/status", HostStatus.class);
  }

  public List<ActiveJob> listJobs() {
    return http.get("/host/jobs", new TypeReference<List<ActiveJob>>() {});
  }

  public ActiveJob getJob(String id) {
    return http.get("/host/jobs/" + enc(id), ActiveJob.class);
  }

  /** {@code PUT /host/jobs/:id}: starts the job; returns once it is accepted. */
  public void addJob(HostJob job) {
    http.put("/host/jobs/" + enc(job.id()), job);
  }

  /** {@code DELETE /host/jobs/:id}: deregisters, signals, waits out the grace period, kills. */
  public void stopJob(String id) {
    http.delete("/host/jobs/" + enc(id));
  }

  /** {@code GET /volumes}: the volumes kept on this host. */
  public List<HostVolume> listVolumes() {
    return http.get("/volumes", new TypeReference<List<HostVolume>>() {});
  }

  /** {@code DELETE /volumes/:id}: removes a volume and its data; 409 while a live job uses it. */
  public void deleteVolume(String id) {
    http.delete("/volumes/" + enc(id));
  }

  /**
   * {@code POST /attach} upgraded to {@code flynn-attach/0}: the host first sends a state byte
   * (waiting until the job starts, then success, or an error frame), then the job's frames.
   */
  public UpgradedConnection attach(AttachRequest request) {
    return http.upgrade("/attach", request, ATTACH_PROTOCOL);
  }

  /** The protocol name of Flynn's attach upgrade. */
  public static final String ATTACH_PROTOCOL = "flynn-attach/0";

  /** {@code GET /host/jobs} as SSE: each event's data is a {@link HostEvent}. */
  public SseStream streamEvents() {
    return http.stream("/host/jobs", null);
  }

  /**
   * {@code GET /host/logs/:app}: the app's captured log lines on this host, as SSE of {@code
   * flynn.api.controller.LogLine} when {@code follow}, else a JSON list.
   */
  public SseStream streamLog(String app, LogQuery query) {
    return http.stream("/host/logs/" + enc(app) + query.toQueryString(true), null);
  }

  public List<flynn.api.controller.LogLine> log(String app, LogQuery query) {
    return http.get(
        "/host/logs/" + enc(app) + query.toQueryString(false),
        new TypeReference<List<flynn.api.controller.LogLine>>() {});
  }

  /** Which lines of an app's log to read. Nulls mean "any"; {@code lines} 0 means all kept. */
  public record LogQuery(int lines, String jobId, String processType) {
    String toQueryString(boolean follow) {
      List<String> p = new ArrayList<>();
      if (lines > 0) {
        p.add("lines=" + lines);
      }
      if (jobId != null) {
        p.add("job_id=" + enc(jobId));
      }
      if (processType != null) {
        p.add("process_type=" + enc(processType));
      }
      if (follow) {
        p.add("follow=true");
      }
      return p.isEmpty() ? "" : "?" + String.join("&", p);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
