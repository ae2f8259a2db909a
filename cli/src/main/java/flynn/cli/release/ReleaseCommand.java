package flynn.cli.release;

import flynn.api.controller.Release;
import flynn.cli.Session;
import flynn.cli.output.HumanTime;
import flynn.cli.output.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn release}: lists the app's releases; {@code add}, {@code show}, {@code rollback}. */
@Command(
    name = "release",
    description = "Manage app releases. With no arguments, lists the app's releases.")
public final class ReleaseCommand implements Callable<Integer> {
  @Option(
      names = {"-q", "--quiet"},
      description = "only print release IDs")
  boolean quiet;

  @Option(names = "--json", description = "print the releases as JSON")
  boolean json;

  private final Session session;

  ReleaseCommand(Session session) {
    this.session = session;
  }

  public static CommandLine commandLine(Session session) {
    CommandLine cl = new CommandLine(new ReleaseCommand(session));
    ReleaseCommand list = new ReleaseCommand(session);
    cl.addSubcommand("list", new CommandLine(list).setCommandName("list"));
    cl.addSubcommand(new ReleaseAddCommand(session));
    cl.addSubcommand(new ReleaseShowCommand(session));
    cl.addSubcommand(new ReleaseRollbackCommand(session));
    return cl;
  }

  @Override
  public Integer call() {
    List<Release> releases = session.client().apps().releases(session.app());
    if (json) {
      session.printJson(releases);
    } else if (quiet) {
      releases.forEach(r -> session.println(r.id()));
    } else {
      session.print(table(releases, session));
    }
    return 0;
  }

  static String table(List<Release> releases, Session session) {
    Table t = new Table().row("ID", "Created");
    releases.forEach(r -> t.row(r.id(), HumanTime.ago(r.createdAt(), session.now())));
    return t.render();
  }
}
