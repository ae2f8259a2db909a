package flynn.gitreceive.rollout;

import flynn.api.controller.App;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Formation;
import flynn.api.controller.Release;
import flynn.api.controller.ReleaseRollout;
import flynn.api.controller.ScaleRequest;
import flynn.api.http.ApiException;
import flynn.gitreceive.push.PushFailedException;
import flynn.gitreceive.push.PushLog;
import java.time.Duration;
import java.util.Map;

/**
 * Makes a new release current and moves the app's processes to it ({@link ReleaseRollout}, until
 * the controller has a deployer); on a first deploy, starts one web process and waits for it. If
 * that never comes up, the app goes back to how it was and the push fails.
 */
public final class Rollout {
  private final ControllerClient controller;
  private final Duration defaultTimeout;

  public Rollout(ControllerClient controller, Duration defaultTimeout) {
    this.controller = controller;
    this.defaultTimeout = defaultTimeout;
  }

  public void run(App app, Release created, Release current, PushLog log) {
    Map<String, Integer> counts = current == null ? Map.of() : counts(app.id(), current.id());
    ScaleAwaiter scaler = new ScaleAwaiter(controller, timeout(app));
    ReleaseRollout.plan(app.id(), created, current, counts).run(controller, scaler);
    if (FirstDeploy.scalesWeb(created, counts)) {
      log.line("-----> Scaling initial web process...");
      try {
        scaler.scaleAndWait(app.id(), created.id(), Map.of(FirstDeploy.WEB, 1));
      } catch (PushFailedException e) {
        undoFirstDeploy(app, created, current);
        throw new PushFailedException(
            "the web process did not come up ("
                + e.getMessage()
                + "); see flynn -a "
                + app.name()
                + " log",
            e);
      }
    }
  }

  private void undoFirstDeploy(App app, Release created, Release current) {
    ScaleRequest none =
        new ScaleRequest(
            null,
            app.id(),
            created.id(),
            ScaleRequest.PENDING,
            null,
            Map.of(FirstDeploy.WEB, 0),
            null,
            null,
            null,
            null);
    controller.formations().scale(app.id(), created.id(), none);
    if (current != null) {
      controller.apps().setRelease(app.id(), current.id());
    }
  }

  private Duration timeout(App app) {
    Integer seconds = app.deployTimeout();
    return seconds == null || seconds <= 0 ? defaultTimeout : Duration.ofSeconds(seconds);
  }

  private Map<String, Integer> counts(String appId, String releaseId) {
    try {
      Formation f = controller.formations().get(appId, releaseId);
      return f == null || f.processes() == null ? Map.of() : f.processes();
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Map.of();
      }
      throw e;
    }
  }
}
