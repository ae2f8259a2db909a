package flynn.cli.db;

import flynn.cli.Session;
import flynn.cli.jobs.AttachedJob;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn pg psql}, {@code flynn mysql console}, {@code flynn redis redis-cli}: the
 * appliance's client attached to the user's terminal (a TTY when it is one); exits with its status.
 */
@Command(name = "console")
final class ConsoleCommand implements Callable<Integer> {
  @Parameters(paramLabel = "<argument>", description = "arguments for the client, after --")
  List<String> arguments = new ArrayList<>();

  private final Session session;
  private final InputStream stdin;
  private final ConsoleTool tool;

  ConsoleCommand(Session session, InputStream stdin, ConsoleTool tool) {
    this.session = session;
    this.stdin = stdin;
    this.tool = tool;
  }

  @Override
  public Integer call() throws IOException {
    ApplianceJobs jobs = new ApplianceJobs(session);
    DbJob job = tool.console(jobs.env(tool.appliance()), arguments);
    var tty = AttachedJob.terminal(System.getenv("TERM"));
    return jobs.run(tool.appliance(), job, tty, stdin, session.io().out());
  }
}
