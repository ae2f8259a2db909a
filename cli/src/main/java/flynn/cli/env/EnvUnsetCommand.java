package flynn.cli.env;

import flynn.cli.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn env unset [-t <proc>] <var>...}. */
@Command(name = "unset", description = "Delete one or more env variables (creates a release).")
final class EnvUnsetCommand implements Callable<Integer> {
  @Option(
      names = {"-t", "--process-type"},
      paramLabel = "<proc>",
      description = "unset env of specified process type")
  String proc;

  @Parameters(arity = "1..*", paramLabel = "<var>")
  List<String> keys;

  private final Session session;

  EnvUnsetCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    return EnvCommand.change(session, proc, EnvChange.unsets(keys));
  }
}
