package flynn.cli.route;

import flynn.api.router.Route;
import flynn.cli.Session;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn route add http [-s <service>] [-c <cert> -k <key>] [flags] DOMAIN[/path]}. */
@Command(name = "http", description = "Add an HTTP(S) route for a domain, optionally a path.")
final class RouteAddHttpCommand implements Callable<Integer> {
  @Option(
      names = {"-s", "--service"},
      paramLabel = "<service>",
      description = "service name to route the domain to (default: <app>-web)")
  String service;

  @Option(
      names = {"-c", "--tls-cert"},
      paramLabel = "<tls-cert>",
      description = "path to the PEM certificate (chain) for TLS")
  Path tlsCert;

  @Option(
      names = {"-k", "--tls-key"},
      paramLabel = "<tls-key>",
      description = "path to the PEM private key for TLS")
  Path tlsKey;

  @Option(names = "--sticky", description = "enable cookie-based sticky routing")
  boolean sticky;

  @Option(names = "--leader", description = "route only to the service's leader")
  boolean leader;

  @Option(
      names = "--no-drain-backends",
      description = "don't wait for in-flight requests to complete before stopping backends")
  boolean noDrainBackends;

  @Option(
      names = "--disable-keep-alives",
      description = "disable keep-alives between the router and the backends")
  boolean disableKeepAlives;

  @Option(
      names = "--https-redirect",
      description = "answer plain-HTTP requests with a redirect to the same URL over HTTPS")
  boolean httpsRedirect;

  @Parameters(paramLabel = "DOMAIN[/path]", description = "e.g. example.com or example.com/path/")
  String domain;

  private final Session session;

  RouteAddHttpCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    String app = session.app();
    Route created = session.client().routes().create(app, request(app));
    session.println(created.formattedId());
    return 0;
  }

  /** The route to create for {@code app}, from the command line. */
  Route request(String app) {
    DomainPath target = DomainPath.parse(domain);
    return Route.http(target.domain(), target.path(), service != null ? service : app + "-web")
        .withLeader(leader)
        .withCertificate(TlsFiles.read(tlsCert, tlsKey))
        .withSticky(sticky)
        .withDrainBackends(!noDrainBackends)
        .withDisableKeepAlives(disableKeepAlives)
        .withHttpsRedirect(httpsRedirect);
  }
}
