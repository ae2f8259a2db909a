package flynn.cli.deploy;

import flynn.api.controller.App;
import flynn.api.controller.Deployment;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import flynn.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn restart [<type>]}: a rolling restart. A copy of the current release (same artifacts,
 * env and processes; meta {@code flynn.restart}) is deployed one-by-one whatever the app's strategy
 * (the deployment's own strategy), so every job is replaced by a fresh one that is up before the
 * old one stops. The deployer moves whole formations, so every process type is restarted; {@code
 * <type>} only checks that the type exists.
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
    int exit = ReleaseDeploy.deploy(session, app, copy.id(), Deployment.ONE_BY_ONE);
    if (exit == 0) {
      session.info("Restarted " + (type == null ? "all jobs" : type + " jobs") + ".");
    }
    return exit;
  }
}
