package flynn.cli.deploy;

import flynn.api.controller.App;
import flynn.api.controller.DeployWatch;
import flynn.api.controller.Deployment;
import flynn.api.controller.DeploymentEvent;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import flynn.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn restart [<type>]}: a rolling restart. A copy of the current release (same artifacts,
 * env and processes; meta {@code flynn.restart}) is deployed one-by-one, so every job is replaced
 * by a fresh one that is up before the old one stops. The deployer moves whole formations, so every
 * process type is restarted; {@code <type>} only checks that the type exists.
 */
@Command(
    name = "restart",
    description = {
      "Restart the app's jobs one by one without downtime: deploys a copy of the current",
      "release with the one-by-one strategy (every process type is replaced)."
    })
public final class RestartCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "<type>")
  String type;

  private final Session session;

  public RestartCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    App app = session.appRecord();
    Release current =
        session
            .currentRelease(app.id())
            .orElseThrow(() -> new CliException("app " + app.name() + " has no release"));
    if (type != null && (current.processes() == null || !current.processes().containsKey(type))) {
      throw new CliException("process type \"" + type + "\" not in the app's release");
    }
    Release copy =
        session.client().releases().create(Restarts.copy(current, app.id(), session.now()));
    int exit = deployOneByOne(app, copy.id());
    if (exit == 0) {
      session.info("Restarted " + (type == null ? "all jobs" : type + " jobs") + ".");
    }
    return exit;
  }

  /**
   * The deployer takes the strategy from the app when the deployment is created, so the app's
   * strategy is one-by-one for that moment only and restored as soon as the deployment exists.
   */
  private int deployOneByOne(App app, String releaseId) {
    String strategy = app.strategy();
    boolean switched = !Deployment.ONE_BY_ONE.equals(strategy);
    if (switched) {
      session.client().apps().update(app.id(), Restarts.strategy(Deployment.ONE_BY_ONE));
    }
    Runnable restore =
        switched
            ? () -> session.client().apps().update(app.id(), Restarts.strategy(strategy))
            : () -> {};
    DeployWatch.Listener restoreWhenCreated =
        new DeployWatch.Listener() {
          @Override
          public void created(Deployment deployment) {
            restore.run();
          }

          @Override
          public void event(DeploymentEvent event) {}
        };
    try {
      return ReleaseDeploy.deploy(session, app, releaseId, restoreWhenCreated);
    } catch (RuntimeException e) {
      restore.run();
      throw e;
    }
  }
}
