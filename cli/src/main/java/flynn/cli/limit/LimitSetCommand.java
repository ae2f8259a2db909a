package flynn.cli.limit;

import flynn.api.controller.App;
import flynn.api.controller.Release;
import flynn.cli.Session;
import flynn.cli.deploy.ReleaseDeploy;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn limit set <proc> <var>=<val>...}: a new release with the limits, deployed so the
 * process type's jobs restart with them.
 */
@Command(
    name = "set",
    description = "Set one or more resource limits of a process type (creates a release).")
final class LimitSetCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<proc>")
  String proc;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "<var>=<val>")
  List<String> pairs;

  private final Session session;

  LimitSetCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    var limits = ResourceLimits.parse(pairs);
    App app = session.appRecord();
    Release current = session.currentRelease(app.id()).orElse(null);
    return ReleaseDeploy.createAndDeploy(session, app, ResourceLimits.apply(current, proc, limits));
  }
}
