package flynn.cli.deploy;

import flynn.api.controller.App;
import flynn.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn deployment batch-size [<size>]}: prints or sets the batch size of the in-batches
 * strategy.
 */
@Command(name = "batch-size", description = "Get or set the batch size of the in-batches strategy.")
final class DeployBatchSizeCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "<size>")
  String value;

  private final Session session;

  DeployBatchSizeCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    App app = session.appRecord();
    if (value == null) {
      session.println(DeploySettings.batchSizeOf(app));
      return 0;
    }
    session.client().apps().update(app.id(), DeploySettings.batchSize(app, value));
    return 0;
  }
}
