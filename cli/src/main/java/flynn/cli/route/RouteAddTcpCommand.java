package flynn.cli.route;

import flynn.api.router.Route;
import flynn.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn route add tcp [-s <service>] [-p <port>] [--leader] [--no-drain-backends]}. */
@Command(
    name = "tcp",
    description = "Add a TCP route; without -p the lowest free port of the router's range.")
final class RouteAddTcpCommand implements Callable<Integer> {
  @Option(
      names = {"-s", "--service"},
      paramLabel = "<service>",
      description = "service name to route to (default: <app>-web)")
  String service;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "<port>",
      description = "port to accept traffic on")
  Integer port;

  @Option(names = "--leader", description = "route only to the service's leader")
  boolean leader;

  @Option(
      names = "--no-drain-backends",
      description = "don't wait for in-flight connections before stopping backends")
  boolean noDrainBackends;

  private final Session session;

  RouteAddTcpCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    String app = session.app();
    Route created = session.client().routes().create(app, request(app));
    session.println(created.formattedId() + " listening on port " + created.port());
    return 0;
  }

  Route request(String app) {
    return Route.tcp(port, service != null ? service : app + "-web")
        .withLeader(leader)
        .withDrainBackends(!noDrainBackends);
  }
}
