package flynn.api.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.http.JsonHttp;
import flynn.api.http.SseStream;
import java.util.List;

/** Formations and scale requests. */
public final class FormationsClient {
  private final JsonHttp http;

  FormationsClient(JsonHttp http) {
    this.http = http;
  }

  public Formation put(Formation formation) {
    return http.put(path(formation.app(), formation.release()), formation, Formation.class);
  }

  public Formation get(String app, String release) {
    return http.get(path(app, release), Formation.class);
  }

  public ExpandedFormation getExpanded(String app, String release) {
    return http.get(path(app, release) + "?expand=true", ExpandedFormation.class);
  }

  public void delete(String app, String release) {
    http.delete(path(app, release));
  }

  public List<Formation> list(String app) {
    return http.get(
        "/apps/" + ControllerClient.enc(app) + "/formations",
        new TypeReference<List<Formation>>() {});
  }

  /** {@code GET /formations?active=true}: every formation with a non-zero process count. */
  public List<ExpandedFormation> listActive() {
    return http.get("/formations?active=true", new TypeReference<List<ExpandedFormation>>() {});
  }

  /**
   * {@code GET /formations?since=...} as SSE: each event's data is an {@link ExpandedFormation};
   * first every formation updated since then, then changes as they happen.
   */
  public SseStream stream(java.time.OffsetDateTime since) {
    String t = since == null ? "1970-01-01T00:00:00Z" : since.toString();
    return http.stream("/formations?since=" + ControllerClient.enc(t), null);
  }

  /**
   * {@code PUT /apps/:id/scale/:release}: a pending request creates a scale request; one with an id
   * and state {@code complete} marks it complete (the scheduler does that).
   */
  public ScaleRequest scale(String app, String release, ScaleRequest request) {
    return http.put(
        "/apps/" + ControllerClient.enc(app) + "/scale/" + ControllerClient.enc(release),
        request,
        ScaleRequest.class);
  }

  private static String path(String app, String release) {
    return "/apps/" + ControllerClient.enc(app) + "/formations/" + ControllerClient.enc(release);
  }
}
