package flynn.cli.deploy;

import flynn.api.controller.App;
import flynn.api.controller.Deployment;
import flynn.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn deployment strategy [<name>]}: prints or sets the strategy: all-at-once, one-by-one,
 * one-down-one-up or in-batches.
 */
@Command(
    name = "strategy",
    description =
        "Get or set the strategy: all-at-once, one-by-one, one-down-one-up or in-batches.")
final class DeployStrategyCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "<name>")
  String value;

  private final Session session;

  DeployStrategyCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    App app = session.appRecord();
    if (value == null) {
      session.println(
          app.strategy() == null || app.strategy().isEmpty()
              ? Deployment.ALL_AT_ONCE
              : app.strategy());
      return 0;
    }
    session.client().apps().update(app.id(), DeploySettings.strategy(value));
    return 0;
  }
}
