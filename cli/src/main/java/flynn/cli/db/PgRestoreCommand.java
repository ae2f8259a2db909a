package flynn.cli.db;

import flynn.cli.CliException;
import flynn.cli.Session;
import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn pg restore [-q] [-j <jobs>] [-f <file>]}. */
@Command(name = "restore")
final class PgRestoreCommand extends RestoreCommand {
  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "<jobs>",
      defaultValue = "1",
      description = "number of pg_restore jobs to use [default: 1]")
  int jobs;

  private final PgTool tool;

  PgRestoreCommand(Session session, InputStream stdin, PgTool tool) {
    super(session, stdin, tool);
    this.tool = tool;
  }

  @Override
  DbJob job(ResourceEnv env) {
    if (jobs < 1) {
      throw new CliException("--jobs must be at least 1, not " + jobs);
    }
    return tool.restore(env, jobs);
  }
}
