package flynn.http;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
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
    HttpRouting.Builder routing = HttpRouting.builder();
    if (key != null) {
      routing.addFilter(new KeyAuth(key, publicPaths));
    }
    JsonErrors.install(routing);
    routes.accept(routing);
    WebServer server =
        WebServer.builder()
            .host(host)
            .port(port)
            .shutdownHook(false)
            .routing(routing)
            .build()
            .start();
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
