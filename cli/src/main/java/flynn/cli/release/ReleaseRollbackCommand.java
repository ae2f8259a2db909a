package flynn.cli.release;

import flynn.api.controller.App;
import flynn.cli.CliException;
import flynn.cli.Confirm;
import flynn.cli.Session;
import flynn.cli.deploy.ReleaseDeploy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn release rollback [-y] [<id>]}: deploys an older release, the previous by default.
 */
@Command(
    name = "rollback",
    description = {
      "Roll back to a previous release: deploys the release the app ran before the current one",
      "(or <id>) with the app's strategy."
    })
final class ReleaseRollbackCommand implements Callable<Integer> {
  @Option(
      names = {"-y", "--yes"},
      description = "skip the confirmation prompt")
  boolean yes;

  @Parameters(arity = "0..1", paramLabel = "<id>")
  String id;

  private final Session session;

  ReleaseRollbackCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    App app = session.appRecord();
    if (app.release() == null) {
      throw new CliException("app " + app.name() + " has no release to roll back from");
    }
    String target =
        RollbackTarget.choose(
            session.client().deployments().list(app.id()),
            session.client().apps().releases(app.id()),
            app.release(),
            id);
    if (!yes
        && !Confirm.ask(
            session.io().prompter(),
            "Are you sure you want to rollback to release \"" + target + "\"?",
            "use -y to roll back without asking")) {
      return 0;
    }
    session.info("Rolling back to release " + target + " from " + app.release() + ".");
    int exit = ReleaseDeploy.deploy(session, app, target, null);
    if (exit == 0) {
      session.info("Successfully rolled back to release " + target + ".");
    }
    return exit;
  }
}
