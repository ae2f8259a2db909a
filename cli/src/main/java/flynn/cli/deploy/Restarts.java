package flynn.cli.deploy;

import flynn.api.controller.App;
import flynn.api.controller.Deployment;
import flynn.api.controller.Release;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The release and app changes of {@code flynn restart}. */
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

  /** An app update that sets only the strategy ({@code null} or empty: all-at-once). */
  static App strategy(String name) {
    String strategy = name == null || name.isEmpty() ? Deployment.ALL_AT_ONCE : name;
    return new App(null, null, null, strategy, null, null, null, null);
  }
}
