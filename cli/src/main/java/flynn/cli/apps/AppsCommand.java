package flynn.cli.apps;

import flynn.api.controller.App;
import flynn.cli.Session;
import flynn.cli.output.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn apps}: ID and NAME of every app. */
@Command(name = "apps", description = "List all apps.")
public final class AppsCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print the apps as JSON")
  boolean json;

  private final Session session;

  public AppsCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    List<App> apps = session.client().apps().list();
    if (json) {
      session.printJson(apps);
      return 0;
    }
    Table t = new Table().row("ID", "NAME");
    apps.forEach(a -> t.row(a.id(), a.name()));
    session.print(t.render());
    return 0;
  }
}
