package flynn.cli.limit;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import flynn.cli.Session;
import flynn.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn limit [-t <proc>]}: the resource limits of the app's process types. */
@Command(
    name = "limit",
    description = {
      "Manage app resource limits. With no arguments, lists them per process type.",
      "Types: memory, cpu (milli-cpus), temp_disk, max_fd, max_procs."
    })
public final class LimitCommand implements Callable<Integer> {
  @Option(
      names = {"-t", "--process-type"},
      paramLabel = "<proc>",
      description = "read limits of the specified process type")
  String proc;

  @Option(names = "--json", description = "print the limits as JSON")
  boolean json;

  private final Session session;

  LimitCommand(Session session) {
    this.session = session;
  }

  public static CommandLine commandLine(Session session) {
    CommandLine cl = new CommandLine(new LimitCommand(session));
    cl.addSubcommand(new LimitSetCommand(session));
    return cl;
  }

  @Override
  public Integer call() {
    Map<String, ProcessType> processes =
        new TreeMap<>(
            session.currentRelease(session.app()).map(Release::processes).orElse(Map.of()));
    if (proc != null) {
      if (!processes.containsKey(proc)) {
        throw new CliException("unknown process type \"" + proc + "\"");
      }
      processes.keySet().retainAll(List.of(proc));
    }
    if (json) {
      Map<String, Object> out = new TreeMap<>();
      processes.forEach((type, p) -> out.put(type, p.resources()));
      session.printJson(out);
      return 0;
    }
    Table table = new Table();
    processes.forEach((type, p) -> {
      List<Object> row = new ArrayList<>();
      row.add(type + ":");
      row.addAll(ResourceLimits.describe(p.resources()));
      table.row(row);
    });
    session.print(table.render());
    return 0;
  }
}
