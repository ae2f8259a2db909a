package flynn.cli.route;

import flynn.api.router.Route;
import flynn.cli.Session;
import flynn.cli.output.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn route}: lists the app's routes; {@code add}, {@code update}, {@code remove}. */
@Command(
    name = "route",
    description = {
      "Manage routes for the app. With no arguments, lists them.",
      "Examples: flynn route add http example.com; flynn route add http example.com/path/;"
          + " flynn route add tcp --leader"
    })
public final class RouteCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print the routes as JSON")
  boolean json;

  private final Session session;

  RouteCommand(Session session) {
    this.session = session;
  }

  public static CommandLine commandLine(Session session) {
    CommandLine cl = new CommandLine(new RouteCommand(session));
    CommandLine add = new CommandLine(new RouteAddCommand());
    add.addSubcommand(new RouteAddHttpCommand(session));
    add.addSubcommand(new RouteAddTcpCommand(session));
    cl.addSubcommand("add", add);
    cl.addSubcommand(new RouteUpdateCommand(session));
    cl.addSubcommand(new RouteRemoveCommand(session));
    return cl;
  }

  @Override
  public Integer call() {
    List<Route> routes = session.client().routes().list(session.app());
    if (json) {
      session.printJson(routes);
    } else {
      session.print(table(routes));
    }
    return 0;
  }

  /** Flynn's listing: ROUTE (protocol:domain or tcp:port), SERVICE, ID, STICKY, LEADER, PATH. */
  static String table(List<Route> routes) {
    Table t = new Table().row("ROUTE", "SERVICE", "ID", "STICKY", "LEADER", "PATH");
    for (Route r : routes) {
      if (r.isHttp()) {
        String protocol = r.certificate() == null ? "http" : "https";
        t.row(
            protocol + ":" + r.domain(),
            r.service(),
            r.formattedId(),
            r.isSticky(),
            r.leader(),
            r.path());
      } else {
        t.row("tcp:" + r.port(), r.service(), r.formattedId(), "", r.leader(), "");
      }
    }
    return t.render();
  }
}
