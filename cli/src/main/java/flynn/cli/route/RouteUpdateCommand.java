package flynn.cli.route;

import flynn.api.router.Certificate;
import flynn.api.router.Route;
import flynn.cli.CliException;
import flynn.cli.Session;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn route update <type>/<id> [-s <service>] [-c <cert> -k <key>] [-p <port>]
 * [--[no-]sticky] [--[no-]leader] [--disable-keep-alives|--enable-keep-alives]
 * [--[no-]https-redirect]}: reads the route, changes what the flags say, and puts the whole route
 * back (Flynn's update).
 */
@Command(name = "update", description = "Change a route; flags not given keep their value.")
final class RouteUpdateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "<id>", description = "the route's id as listed, e.g. http/5bfb9c8b-...")
  String id;

  @Option(
      names = {"-s", "--service"},
      paramLabel = "<service>",
      description = "service name to route to")
  String service;

  @Option(
      names = {"-c", "--tls-cert"},
      paramLabel = "<tls-cert>",
      description = "path to a new PEM certificate (chain) for TLS (http only)")
  Path tlsCert;

  @Option(
      names = {"-k", "--tls-key"},
      paramLabel = "<tls-key>",
      description = "path to the new PEM private key (http only)")
  Path tlsKey;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "<port>",
      description = "move the route to this port (tcp only)")
  Integer port;

  @Option(names = "--sticky", description = "enable sticky sessions (http only)")
  boolean sticky;

  @Option(names = "--no-sticky", description = "disable sticky sessions (http only)")
  boolean noSticky;

  @Option(names = "--leader", description = "route only to the service's leader")
  boolean leader;

  @Option(names = "--no-leader", description = "route to all of the service's instances")
  boolean noLeader;

  @Option(names = "--disable-keep-alives", description = "no keep-alives to backends (http only)")
  boolean disableKeepAlives;

  @Option(names = "--enable-keep-alives", description = "keep-alives to backends (http only)")
  boolean enableKeepAlives;

  @Option(names = "--https-redirect", description = "redirect plain HTTP to HTTPS (http only)")
  boolean httpsRedirect;

  @Option(names = "--no-https-redirect", description = "serve plain HTTP too (http only)")
  boolean noHttpsRedirect;

  private final Session session;

  RouteUpdateCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    String app = session.app();
    String routeId = checkedId(id);
    Route existing = session.client().routes().get(app, routeId);
    Route updated = session.client().routes().update(app, routeId, changed(existing));
    session.println(
        updated.isHttp()
            ? "updated " + updated.formattedId()
            : updated.formattedId() + " listening on port " + updated.port());
    return 0;
  }

  /** The whole route to put back: {@code existing} with the flags applied. */
  Route changed(Route existing) {
    boolean http = existing.isHttp();
    if (!http
        && (sticky
            || noSticky
            || disableKeepAlives
            || enableKeepAlives
            || httpsRedirect
            || noHttpsRedirect
            || tlsCert != null
            || tlsKey != null)) {
      throw new CliException(
          "sticky sessions, keep-alive, redirect and TLS flags are for http routes; "
              + id
              + " is tcp");
    }
    if (http && port != null) {
      throw new CliException("-p is for tcp routes; http routes listen on the router's ports");
    }
    Certificate certificate = TlsFiles.read(tlsCert, tlsKey); // null keeps the current one
    return existing
        .withService(service != null ? service : existing.service())
        .withPort(port != null ? port : existing.port())
        .withLeader(choose("leader", leader, noLeader, existing.leader()))
        .withTimes(null, null) // the server's own fields are not sent back
        .withCertificate(certificate)
        .withLegacyTls(null, null)
        .withSticky(http ? choose("sticky", sticky, noSticky, existing.isSticky()) : null)
        .withDisableKeepAlives(
            http
                ? choose("keep-alives", disableKeepAlives, enableKeepAlives, !existing.keepsAlive())
                : null)
        .withHttpsRedirect(
            http
                ? choose(
                    "https-redirect", httpsRedirect, noHttpsRedirect, existing.redirectsToHttps())
                : null);
  }

  private static boolean choose(String what, boolean on, boolean off, boolean current) {
    if (on && off) {
      throw new CliException("choose one of the two " + what + " flags");
    }
    return on || (!off && current);
  }

  /** A route id as the API names it, {@code <type>/<id>}, or a clear error. */
  static String checkedId(String id) {
    int slash = id.indexOf('/');
    String type = slash < 0 ? "" : id.substring(0, slash);
    if (!(type.equals(Route.HTTP) || type.equals(Route.TCP)) || slash == id.length() - 1) {
      throw new CliException(
          "a route id is <type>/<id> as `flynn route` lists it, such as http/5bfb9c8b-..., not "
              + id);
    }
    return id;
  }
}
