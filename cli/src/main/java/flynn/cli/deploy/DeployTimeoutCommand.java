package flynn.cli.deploy;

import flynn.api.controller.App;
import flynn.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn deployment timeout [<timeout>]}: prints or sets the number of seconds the deployer
 * waits for each step.
 */
@Command(
    name = "timeout",
    description = "Get or set the number of seconds the deployer waits for each step.")
final class DeployTimeoutCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "<timeout>")
  String value;

  private final Session session;

  DeployTimeoutCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    App app = session.appRecord();
    if (value == null) {
      session.println(String.valueOf(app.deployTimeout()));
      return 0;
    }
    session.client().apps().update(app.id(), DeploySettings.timeout(value));
    return 0;
  }
}
