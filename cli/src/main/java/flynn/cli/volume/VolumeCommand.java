package flynn.cli.volume;

import flynn.api.controller.Volume;
import flynn.cli.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn volume [list] [--all] [--json]}: the app's (or the cluster's) volumes. */
@Command(
    name = "volume",
    description = "Manage persistent volumes. With no arguments, lists the app's volumes.")
public final class VolumeCommand implements Callable<Integer> {
  private final Session session;

  VolumeCommand(Session session) {
    this.session = session;
  }

  public static CommandLine commandLine(Session session) {
    CommandLine cl = new CommandLine(new VolumeCommand(session));
    cl.addSubcommand(new ListCommand(session));
    return cl;
  }

  @Override
  public Integer call() {
    return list(session, false, false);
  }

  static int list(Session session, boolean all, boolean json) {
    List<Volume> volumes =
        all ? session.client().volumes().listAll() : session.client().volumes().list(session.app());
    if (json) {
      session.printJson(volumes);
    } else {
      session.print(VolumeList.table(volumes, all));
    }
    return 0;
  }

  /** {@code flynn volume list}. */
  @Command(name = "list", description = "List the app's volumes (the cluster's with --all).")
  static final class ListCommand implements Callable<Integer> {
    @Option(names = "--all", description = "list the volumes of every app")
    boolean all;

    @Option(names = "--json", description = "print the volumes as JSON")
    boolean json;

    private final Session session;

    ListCommand(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      return list(session, all, json);
    }
  }
}
