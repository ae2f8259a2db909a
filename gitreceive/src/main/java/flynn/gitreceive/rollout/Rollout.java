package flynn.gitreceive.rollout;

import flynn.api.controller.App;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.DeployFailedException;
import flynn.api.controller.DeployProgress;
import flynn.api.controller.DeployWatch;
import flynn.api.controller.Formation;
import flynn.api.controller.Release;
import flynn.api.controller.ScaleRequest;
import flynn.api.http.ApiException;
import flynn.gitreceive.push.PushFailedException;
import flynn.gitreceive.push.PushLog;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deploys a new release through the controller's deployer, its events shown to the pusher; a failed
 * deployment fails the push (the deployer left the app on its release). On a first deploy (nothing
 * runs, the release has {@code web}) it then starts one web process and waits for it; if that never
 * comes up, the app goes back to how it was and the push fails.
 */
public final class Rollout {
  private final ControllerClient controller;
  private final DeployWatch deployer;
  private final Duration defaultTimeout;

  public Rollout(ControllerClient controller, Duration defaultTimeout) {
    this.controller = controller;
    this.deployer = new DeployWatch(controller);
    this.defaultTimeout = defaultTimeout;
  }

  public void run(App app, Release created, Release current, PushLog log) {
    Map<String, Integer> counts = current == null ? Map.of() : counts(app.id(), current.id());
    deploy(app, created, log);
    if (!FirstDeploy.scalesWeb(created, counts)) {
      return;
    }
    log.line("-----> Scaling initial web process...");
    try {
      new ScaleAwaiter(controller, timeout(app))
          .scaleAndWait(app.id(), created.id(), Map.of(FirstDeploy.WEB, 1));
    } catch (PushFailedException e) {
      undoFirstDeploy(app, created, current);
      throw new PushFailedException(
          "the new release did not come up ("
              + e.getMessage()
              + "); the app is back on its previous release; see flynn -a "
              + app.name()
              + " log",
          e);
    }
  }

  private void deploy(App app, Release created, PushLog log) {
    log.line("-----> Deploying release " + created.id() + "...");
    try {
      deployer.deploy(
          app.id(), created.id(), event -> DeployProgress.line(event).ifPresent(log::line));
    } catch (DeployFailedException e) {
      throw new PushFailedException(
          "deploy failed: "
              + e.getMessage()
              + "; the app stays on its previous release; see flynn -a "
              + app.name()
              + " deployment",
          e);
    }
  }

  /** Nothing ran before, so the old release comes back at once through the deployer too. */
  private void undoFirstDeploy(App app, Release created, Release current) {
    Map<String, Integer> none = new TreeMap<>();
    created.processes().keySet().forEach(type -> none.put(type, 0));
    ScaleRequest stop =
        new ScaleRequest(
            null, app.id(), created.id(), ScaleRequest.PENDING, null, none, null, null, null, null);
    controller.formations().scale(app.id(), created.id(), stop);
    if (current != null) {
      deployer.deploy(app.id(), current.id(), DeployWatch.Listener.NONE);
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
