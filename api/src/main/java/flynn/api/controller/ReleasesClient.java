package flynn.api.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.http.JsonHttp;
import java.util.List;

/** {@code /releases} and {@code /artifacts}. */
public final class ReleasesClient {
  private final JsonHttp http;

  ReleasesClient(JsonHttp http) {
    this.http = http;
  }

  public Release create(Release release) {
    return http.post("/releases", release, Release.class);
  }

  public Release get(String id) {
    return http.get("/releases/" + ControllerClient.enc(id), Release.class);
  }

  public List<Release> list() {
    return http.get("/releases", new TypeReference<List<Release>>() {});
  }

  public Artifact createArtifact(Artifact artifact) {
    return http.post("/artifacts", artifact, Artifact.class);
  }

  public Artifact artifact(String id) {
    return http.get("/artifacts/" + ControllerClient.enc(id), Artifact.class);
  }
}
