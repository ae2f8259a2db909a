package flynn.cli.deploy;

import flynn.api.controller.Release;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The release {@code flynn restart} deploys. */
final class Restarts {
  static final String META_RESTART = "flynn.restart";

  private Restarts() {}

  /**
   * The same release for a new id: artifacts, env and processes kept, {@code flynn.restart} set.
   */
  static Release copy(Release current, String appId, Instant now) {
    Map<String, String> meta = new TreeMap<>(current.meta() == null ? Map.of() : current.meta());
    meta.put(META_RESTART, now.toString());
    return new Release(
        null,
        appId,
        current.artifacts(),
        current.env(),
        meta,
        current.processes(),
        null,
        current.legacyArtifact());
  }
}
