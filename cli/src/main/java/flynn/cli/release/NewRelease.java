package flynn.cli.release;

import flynn.api.controller.App;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Release;
import flynn.api.controller.ReleaseRollout;
import flynn.cli.Session;
import flynn.cli.scale.Formations;
import flynn.cli.scale.ScaleListener;
import flynn.cli.scale.ScaleWaiter;
import java.util.Map;

/** Creates a release for an app and rolls it out ({@link ReleaseRollout}). */
public final class NewRelease {
  private NewRelease() {}

  /** Creates {@code release} for {@code app}, makes it current and returns it with its id. */
  public static Release deploy(Session session, App app, Release release) {
    ControllerClient client = session.client();
    Release current = session.currentRelease(app.id()).orElse(null);
    Map<String, Integer> counts =
        current == null ? Map.of() : Formations.counts(client, app.id(), current.id());
    Release created = client.releases().create(withApp(release, app.id()));
    ScaleWaiter waiter = new ScaleWaiter(client, session.io().clock());
    ReleaseRollout.plan(app.id(), created, current, counts)
        .run(
            client,
            (appId, releaseId, processes) ->
                waiter.scale(
                    appId,
                    releaseId,
                    processes,
                    null,
                    true,
                    ScaleWaiter.DEFAULT_TIMEOUT,
                    ScaleListener.SILENT));
    return created;
  }

  static Release withApp(Release r, String appId) {
    return new Release(
        null, appId, r.artifacts(), r.env(), r.meta(), r.processes(), null, r.legacyArtifact());
  }
}
