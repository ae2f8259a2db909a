package flynn.api.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.http.JsonHttp;
import java.util.List;

/** {@code /volumes} and {@code /apps/:id/volumes}: the volumes jobs keep their data on. */
public final class VolumesClient {
  private static final TypeReference<List<Volume>> VOLUMES = new TypeReference<>() {};

  private final JsonHttp http;

  VolumesClient(JsonHttp http) {
    this.http = http;
  }

  public List<Volume> listAll() {
    return http.get("/volumes", VOLUMES);
  }

  public List<Volume> list(String app) {
    return http.get(base(app), VOLUMES);
  }

  public Volume get(String app, String id) {
    return http.get(base(app) + "/" + ControllerClient.enc(id), Volume.class);
  }

  /** Creates or updates a volume's record (the scheduler's call). */
  public void put(Volume volume) {
    http.put("/volumes/" + ControllerClient.enc(volume.id()), volume);
  }

  /** Marks the volume as no longer to be attached to new jobs. */
  public Volume decommission(String app, String id) {
    return http.put(
        base(app) + "/" + ControllerClient.enc(id) + "/decommission", null, Volume.class);
  }

  private static String base(String app) {
    return "/apps/" + ControllerClient.enc(app) + "/volumes";
  }
}
