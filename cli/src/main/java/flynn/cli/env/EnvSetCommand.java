package flynn.cli.env;

import flynn.cli.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn env set [-t <proc>] <var>=<val>...}. */
@Command(name = "set", description = "Set one or more env variables (creates a release).")
final class EnvSetCommand implements Callable<Integer> {
  @Option(
      names = {"-t", "--process-type"},
      paramLabel = "<proc>",
      description = "set env for specified process type")
  String proc;

  @Parameters(arity = "1..*", paramLabel = "<var>=<val>")
  List<String> pairs;

  private final Session session;

  EnvSetCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    return EnvCommand.change(session, proc, EnvChange.sets(pairs));
  }
}
