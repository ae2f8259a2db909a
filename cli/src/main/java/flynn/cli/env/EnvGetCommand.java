package flynn.cli.env;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import flynn.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn env get [-t <proc>] <var>}. */
@Command(name = "get", description = "Print the value of a variable.")
final class EnvGetCommand implements Callable<Integer> {
  @Option(
      names = {"-t", "--process-type"},
      paramLabel = "<proc>",
      description = "read env of specified process type")
  String proc;

  @Parameters(paramLabel = "<var>")
  String key;

  private final Session session;

  EnvGetCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Release release =
        session
            .currentRelease(session.app())
            .orElseThrow(() -> new CliException("no app release found"));
    if (proc != null && (release.processes() == null || !release.processes().containsKey(proc))) {
      throw new CliException("process type \"" + proc + "\" not found in release " + release.id());
    }
    ProcessType p = proc == null ? null : release.processes().get(proc);
    if (p != null && p.env() != null && p.env().containsKey(key)) {
      session.println(p.env().get(key));
    } else if (release.env() != null && release.env().containsKey(key)) {
      session.println(release.env().get(key));
    } else {
      throw new CliException("var \"" + key + "\" not found in release \"" + release.id() + "\"");
    }
    return 0;
  }
}
