package flynn.api.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.http.JsonHttp;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** {@code /apps}. An app is named by its id or its name. */
public final class AppsClient {
  private final JsonHttp http;

  AppsClient(JsonHttp http) {
    this.http = http;
  }

  public App create(App app) {
    return http.post("/apps", app, App.class);
  }

  public App get(String idOrName) {
    return http.get("/apps/" + ControllerClient.enc(idOrName), App.class);
  }

  public List<App> list() {
    return http.get("/apps", new TypeReference<List<App>>() {});
  }

  public App update(String idOrName, App changes) {
    return http.post("/apps/" + ControllerClient.enc(idOrName), changes, App.class);
  }

  public void delete(String idOrName) {
    http.delete("/apps/" + ControllerClient.enc(idOrName));
  }

  public Release release(String idOrName) {
    return http.get("/apps/" + ControllerClient.enc(idOrName) + "/release", Release.class);
  }

  /** Sets the app's current release without a deploy. */
  public void setRelease(String idOrName, String releaseId) {
    http.put("/apps/" + ControllerClient.enc(idOrName) + "/release", Map.of("id", releaseId));
  }

  public List<Release> releases(String idOrName) {
    return http.get(
        "/apps/" + ControllerClient.enc(idOrName) + "/releases",
        new TypeReference<List<Release>>() {});
  }

  /**
   * {@code GET /apps/:id/log} as newline-delimited JSON {@link LogLine}s; with {@code follow} the
   * stream stays open for new lines. The caller closes it.
   */
  public InputStream log(String idOrName, LogOptions options) {
    return http.open("/apps/" + ControllerClient.enc(idOrName) + "/log?" + options.query());
  }
}
