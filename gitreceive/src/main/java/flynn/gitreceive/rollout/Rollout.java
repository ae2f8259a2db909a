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
import java.util.TreeMap;

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

  /**
   * Moves the app to {@code created}; when its processes do not come up (a crash, or the timeout),
   * puts the app back as it was (the old release's processes are only stopped once the new ones are
   * up) and fails the push.
   */
  public void run(App app, Release created, Release current, PushLog log) {
    Map<String, Integer> counts = current == null ? Map.of() : counts(app.id(), current.id());
    ScaleAwaiter scaler = new ScaleAwaiter(controller, timeout(app));
    ReleaseRollout rollout = ReleaseRollout.plan(app.id(), created, current, counts);
    try {
      rollout.run(controller, scaler);
      if (FirstDeploy.scalesWeb(created, counts)) {
        log.line("-----> Scaling initial web process...");
        scaler.scaleAndWait(app.id(), created.id(), Map.of(FirstDeploy.WEB, 1));
      }
    } catch (PushFailedException e) {
      undo(app, created, current);
      throw new PushFailedException(
          "the new release did not come up ("
              + e.getMessage()
              + "); the app is back on its previous release; see flynn -a "
              + app.name()
              + " log",
          e);
    }
  }

  private void undo(App app, Release created, Release current) {
    Map<String, Integer> none = new TreeMap<>();
    if (created.processes() != null) {
      created.processes().keySet().forEach(type -> none.put(type, 0));
    }
    ScaleRequest stop =
        new ScaleRequest(
            null, app.id(), created.id(), ScaleRequest.PENDING, null, none, null, null, null, null);
    controller.formations().scale(app.id(), created.id(), stop);
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
