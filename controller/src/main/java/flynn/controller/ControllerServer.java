package flynn.controller;

import com.zaxxer.hikari.HikariDataSource;
import flynn.api.discoverd.DiscoverdClient;
import flynn.controller.apps.AppHandler;
import flynn.controller.apps.AppLookup;
import flynn.controller.apps.AppNames;
import flynn.controller.apps.AppService;
import flynn.controller.artifacts.ArtifactHandler;
import flynn.controller.artifacts.ArtifactService;
import flynn.controller.cluster.CaCertHandler;
import flynn.controller.cluster.Hosts;
import flynn.controller.db.Database;
import flynn.controller.deployments.DeploymentHandler;
import flynn.controller.deployments.DeploymentService;
import flynn.controller.deployments.worker.DeployLeader;
import flynn.controller.deployments.worker.DeploymentRunner;
import flynn.controller.deployments.worker.DeploymentWorker;
import flynn.controller.events.EventBus;
import flynn.controller.events.EventFollower;
import flynn.controller.events.EventHandler;
import flynn.controller.events.EventService;
import flynn.controller.formations.FormationHandler;
import flynn.controller.formations.FormationService;
import flynn.controller.formations.FormationStream;
import flynn.controller.jobs.JobAttach;
import flynn.controller.jobs.JobHandler;
import flynn.controller.jobs.JobService;
import flynn.controller.logs.LogHandler;
import flynn.controller.logs.LogService;
import flynn.controller.releases.ReleaseHandler;
import flynn.controller.releases.ReleaseService;
import flynn.controller.resources.AppResources;
import flynn.controller.resources.ProviderCalls;
import flynn.controller.resources.ProviderHandler;
import flynn.controller.resources.ProviderService;
import flynn.controller.resources.ResourceHandler;
import flynn.controller.resources.ResourceService;
import flynn.controller.routes.PortRange;
import flynn.controller.routes.RouteHandler;
import flynn.controller.routes.RouteService;
import flynn.controller.status.StatusHandler;
import flynn.controller.volumes.VolumeHandler;
import flynn.controller.volumes.VolumeService;
import flynn.http.ApiServer;
import io.helidon.webserver.http.HttpRouting;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller: Flynn's REST API over PostgreSQL. {@link #start()} migrates the schema, opens the
 * pool, starts listening for events and serves HTTP; {@link #close()} ends every stream and
 * releases all of it.
 */
public final class ControllerServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerServer.class);
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);
  private static final Duration DEPLOY_POLL = Duration.ofSeconds(2);

  private enum State {
    LATENT,
    STARTED,
    CLOSED
  }

  private final ControllerConfig config;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private HikariDataSource pool;
  private EventBus bus;
  private ApiServer server;
  private DeploymentWorker deployWorker;

  public ControllerServer(ControllerConfig c) {
    this.config = c;
  }

  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("controller already started or closed");
    }
    try {
      Database.migrate(config);
      pool = Database.pool(config);
      bus = new EventBus(config);
      bus.start();
      Jdbi jdbi = Database.jdbi(pool);
      DiscoverdClient discoverd =
          config.discoverdUrl() == null ? null : new DiscoverdClient(config.discoverdUrl());
      Hosts hosts = new Hosts(discoverd, config.key(), new SecureRandom());
      JobService jobs = new JobService(jdbi, hosts);
      server =
          ApiServer.start(
              config.bindHost(),
              config.port(),
              config.key(),
              Set.of("/ping", CaCertHandler.PATH),
              r -> routes(r, jdbi, hosts, jobs),
              List.of(new JobAttach(jobs).route()));
      deployWorker = deployWorker(jdbi, hosts);
      deployWorker.start();
      LOG.info("controller started addr={}:{}", config.bindHost(), server.port());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private DeploymentWorker deployWorker(Jdbi jdbi, Hosts hosts) {
    DeployLeader leader =
        new DeployLeader(() ->
            DriverManager.getConnection(config.jdbcUrl(), config.dbUser(), config.dbPassword()));
    DeploymentRunner runner =
        new DeploymentRunner(
            jdbi, bus, new FormationService(jdbi), Clock.systemUTC(), () -> hosts.all().size());
    return new DeploymentWorker(jdbi, bus, leader, runner, DEPLOY_POLL);
  }

  private void routes(HttpRouting.Builder r, Jdbi jdbi, Hosts hosts, JobService jobs) {
    EventFollower follower = new EventFollower(jdbi, bus, KEEP_ALIVE);
    FormationService formations = new FormationService(jdbi);
    AppLookup lookup = new AppLookup(jdbi);
    new StatusHandler(jdbi).routes(r);
    ProviderCalls providerCalls = new ProviderCalls(config.key());
    AppResources appResources = new AppResources(jdbi, providerCalls);
    new AppHandler(
            new AppService(jdbi, new AppNames(new SecureRandom()), config.domain(), appResources))
        .routes(r);
    new RouteHandler(new RouteService(jdbi, PortRange.DEFAULT)).routes(r);
    new CaCertHandler(config.caCertPem()).routes(r);
    new ArtifactHandler(new ArtifactService(jdbi)).routes(r);
    new ReleaseHandler(new ReleaseService(jdbi)).routes(r);
    new FormationHandler(formations, new FormationStream(formations, follower)).routes(r);
    new JobHandler(jobs).routes(r);
    new DeploymentHandler(new DeploymentService(jdbi)).routes(r);
    new EventHandler(new EventService(jdbi), follower).routes(r);
    new LogHandler(lookup, new LogService(hosts), KEEP_ALIVE, bus::isClosed).routes(r);
    new ProviderHandler(new ProviderService(jdbi)).routes(r);
    new ResourceHandler(new ResourceService(jdbi, providerCalls)).routes(r);
    new VolumeHandler(new VolumeService(jdbi)).routes(r);
  }

  /** The HTTP port (the bound one when configured as 0). */
  public int port() {
    if (server == null) {
      throw new IllegalStateException("controller not started");
    }
    return server.port();
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) == State.CLOSED) {
      return;
    }
    if (deployWorker != null) {
      deployWorker.close(); // its runs resume on the next start (or another controller)
    }
    if (bus != null) {
      bus.close(); // ends the event and formation streams first, so the server can stop
    }
    if (server != null) {
      server.close();
    }
    if (pool != null) {
      pool.close();
    }
    LOG.info("controller stopped");
  }
}
