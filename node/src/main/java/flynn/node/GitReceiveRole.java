package flynn.node;

import flynn.api.blobstore.BlobstoreClient;
import flynn.api.controller.App;
import flynn.api.controller.ControllerClient;
import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Heartbeat;
import flynn.api.discoverd.Instance;
import flynn.api.http.ApiException;
import flynn.api.router.Route;
import flynn.gitreceive.GitReceiveConfig;
import flynn.gitreceive.GitReceiveServer;
import flynn.gitreceive.apps.ControllerApps;
import flynn.gitreceive.build.BuildSettings;
import flynn.gitreceive.build.JobSlugBuild;
import flynn.gitreceive.deploy.DeploySettings;
import flynn.gitreceive.deploy.SlugDeploy;
import flynn.gitreceive.release.SlugStore;
import flynn.gitreceive.release.StackArtifacts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gitreceive in flynn-host: the server on {@code --git-port}, registered in discoverd as {@code
 * gitreceive}, and the route {@code git.<domain>} to it (owned by an app named gitreceive, as in
 * Flynn), created once the controller answers.
 */
final class GitReceiveRole implements AutoCloseable {
  static final String SERVICE = "gitreceive";
  private static final Logger LOG = LoggerFactory.getLogger(GitReceiveRole.class);
  private static final Duration SCALE_TIMEOUT = Duration.ofSeconds(60);

  private final GitReceiveServer server;
  private final Heartbeat heartbeat;

  private GitReceiveRole(GitReceiveServer server, Heartbeat heartbeat) {
    this.server = server;
    this.heartbeat = heartbeat;
  }

  static GitReceiveRole start(
      NodeConfig config, Path stateDir, String key, String discoverdUrl, String blobstoreUrl) {
    ControllerClient controller = new ControllerClient(config.controllerUrl(), key);
    StackArtifacts stacks = new StackArtifacts(controller);
    SlugDeploy deploy =
        new SlugDeploy(
            controller,
            new JobSlugBuild(controller, stacks, BuildSettings.DEFAULTS, Clock.systemUTC()),
            new SlugStore(new BlobstoreClient(blobstoreUrl, key)),
            stacks,
            new DeploySettings(
                stateDir.resolve("builds"), config.domain(), config.httpPort(), SCALE_TIMEOUT));
    GitReceiveServer server =
        GitReceiveServer.start(
            new GitReceiveConfig("0.0.0.0", config.gitPort(), key, stateDir.resolve("git")),
            new ControllerApps(controller),
            deploy);
    Heartbeat heartbeat =
        Heartbeat.start(
            new DiscoverdClient(discoverdUrl),
            SERVICE,
            Instance.of("http", "127.0.0.1:" + server.port(), Map.of()));
    return new GitReceiveRole(server, heartbeat);
  }

  /** Creates the app gitreceive and its route {@code git.<domain>} unless they exist. */
  static void ensureRoute(ControllerClient controller, String domain) {
    String host = "git." + domain;
    App app = findOrCreateApp(controller);
    boolean routed =
        controller.routes().list(app.id()).stream().anyMatch(r -> host.equals(r.domain()));
    if (!routed) {
      controller.routes().create(app.id(), Route.http(host, null, SERVICE));
      LOG.info("event=route-created domain={} service={}", host, SERVICE);
    }
  }

  private static App findOrCreateApp(ControllerClient controller) {
    try {
      return controller.apps().get(SERVICE);
    } catch (ApiException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      return controller.apps().create(App.named(SERVICE));
    }
  }

  @Override
  public void close() {
    heartbeat.close();
    server.close();
  }
}
