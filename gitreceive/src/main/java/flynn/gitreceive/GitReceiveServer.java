package flynn.gitreceive;

import flynn.gitreceive.apps.AppLookup;
import flynn.gitreceive.push.PushDeploy;
import flynn.gitreceive.repos.Repositories;
import flynn.gitreceive.smarthttp.GzipRequests;
import flynn.gitreceive.smarthttp.SmartHttpRoutes;
import flynn.http.JsonErrors;
import flynn.http.KeyAuth;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The git smart HTTP server: {@code http://<host>:<port>/<app>.git}, key auth, deploy on push. It
 * is Helidon with the http module's key auth and JSON errors, like {@link flynn.http.ApiServer},
 * with its own content encoding: gzipped requests are decoded, answers never compressed (Helidon's
 * gzip module would compress every answer of every server in the node, SSE streams included).
 */
public final class GitReceiveServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GitReceiveServer.class);

  private final WebServer server;

  private GitReceiveServer(WebServer server) {
    this.server = server;
  }

  public static GitReceiveServer start(GitReceiveConfig config, AppLookup apps, PushDeploy deploy) {
    SmartHttpRoutes git = new SmartHttpRoutes(apps, new Repositories(config.repoDir()), deploy);
    HttpRouting.Builder routing = HttpRouting.builder();
    routing.addFilter(new KeyAuth(config.key(), Set.of()));
    JsonErrors.install(routing);
    git.routes(routing);
    WebServer server =
        WebServer.builder()
            .host(config.host())
            .port(config.port())
            .shutdownHook(false)
            .contentEncoding(
                ContentEncodingContext.builder()
                    .contentEncodingsDiscoverServices(false)
                    .addContentEncoding(new GzipRequests())
                    .build())
            .routing(routing)
            .build()
            .start();
    LOG.info("gitreceive listening host={} port={}", config.host(), server.port());
    return new GitReceiveServer(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
