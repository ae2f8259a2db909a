package flynn.cli.scale;

import flynn.api.controller.ControllerClient;
import flynn.api.controller.Formation;
import flynn.api.http.ApiException;
import java.util.Map;

/** Reads a formation, treating "none yet" as zero processes. */
public final class Formations {
  private Formations() {}

  public static Formation get(ControllerClient client, String appId, String releaseId) {
    Formation found = null;
    try {
      found = client.formations().get(appId, releaseId);
    } catch (ApiException e) {
      if (!e.isNotFound()) {
        throw e;
      }
    }
    if (found == null || found.processes() == null) {
      return new Formation(appId, releaseId, Map.of(), null, null, null);
    }
    return found;
  }

  public static Map<String, Integer> counts(
      ControllerClient client, String appId, String releaseId) {
    return get(client, appId, releaseId).processes();
  }
}
