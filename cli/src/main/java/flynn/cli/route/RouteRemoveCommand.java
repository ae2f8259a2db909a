package flynn.cli.route;

import flynn.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flynn route remove <type>/<id>}. */
@Command(name = "remove", description = "Remove a route.")
final class RouteRemoveCommand implements Callable<Integer> {
  @Parameters(paramLabel = "<id>", description = "the route's id as listed, e.g. http/5bfb9c8b-...")
  String id;

  private final Session session;

  RouteRemoveCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    session.client().routes().delete(session.app(), RouteUpdateCommand.checkedId(id));
    session.println("Route " + id + " removed.");
    return 0;
  }
}
