package flynn.http;

import flynn.http.upgrade.UpgradeRoute;
import flynn.http.upgrade.UpgradeSelector;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Starts a control-plane HTTP server with the shared plumbing: key auth (except on {@code
 * publicPaths}), JSON errors, and the routes a component adds.
 */
public final class ApiServer implements AutoCloseable {
  private final WebServer server;

  private ApiServer(WebServer server) {
    this.server = server;
  }

  /**
   * @param key the cluster key, or null for no authentication
   */
  public static ApiServer start(
      String host,
      int port,
      String key,
      Set<String> publicPaths,
      Consumer<HttpRouting.Builder> routes) {
    return start(host, port, key, publicPaths, routes, List.of());
  }

  /**
   * As above, plus requests that take their connection over ({@code Upgrade:} with a body, as
   * Flynn's attach requests are), served by {@code upgrades} with the same key.
   */
  public static ApiServer start(
      String host,
      int port,
      String key,
      Set<String> publicPaths,
      Consumer<HttpRouting.Builder> routes,
      List<UpgradeRoute> upgrades) {
    HttpRouting.Builder routing = HttpRouting.builder();
    if (key != null) {
      routing.addFilter(new KeyAuth(key, publicPaths));
    }
    JsonErrors.install(routing);
    routes.accept(routing);
    var builder = WebServer.builder().host(host).port(port).shutdownHook(false).routing(routing);
    if (!upgrades.isEmpty()) {
      builder.addConnectionSelector(new UpgradeSelector(upgrades, key));
    }
    WebServer server = builder.build().start();
    return new ApiServer(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
