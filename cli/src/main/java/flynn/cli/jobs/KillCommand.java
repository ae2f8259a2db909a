package flynn.cli.jobs;

import flynn.cli.CliException;
import flynn.cli.ErrorMessages;
import flynn.cli.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flynn kill <job>...}. */
@Command(name = "kill", description = "Kill jobs (the scheduler replaces formation jobs).")
public final class KillCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "<job>")
  List<String> jobs;

  private final Session session;

  public KillCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    String app = session.app();
    boolean allKilled = true;
    for (String job : jobs) {
      try {
        session.client().jobs().kill(app, job);
        session.info("Job " + job + " killed.");
      } catch (RuntimeException e) {
        allKilled = false;
        session.info("ERROR: could not kill job " + job + ": " + ErrorMessages.describe(e));
      }
    }
    if (!allKilled) {
      throw new CliException("Could not kill all jobs.");
    }
    return 0;
  }
}
