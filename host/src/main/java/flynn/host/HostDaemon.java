package flynn.host;

import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Instance;
import flynn.api.host.HostStatus;
import flynn.host.api.HostApi;
import flynn.host.attach.AttachApi;
import flynn.host.discovery.Registrar;
import flynn.host.drain.BackendDrain;
import flynn.host.drain.BackendReadiness;
import flynn.host.drain.RouterDrain;
import flynn.host.drain.RouterReadiness;
import flynn.host.images.BlobstoreSource;
import flynn.host.images.ImageStore;
import flynn.host.images.StackImages;
import flynn.host.images.StackedImages;
import flynn.host.jobs.Jobs;
import flynn.host.logs.LogStore;
import flynn.host.state.StateFile;
import flynn.http.ApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-machine daemon ({@code flynn-host}): runs jobs through a {@link JobRunner}, captures
 * their logs, serves Flynn's host API and registers itself in discoverd as {@code flynn-host}.
 */
public final class HostDaemon implements AutoCloseable {
  public static final String SERVICE = "flynn-host";

  private static final Logger LOG = LoggerFactory.getLogger(HostDaemon.class);

  private enum State {
    LATENT,
    STARTED,
    CLOSED
  }

  private final HostConfig config;
  private final Registrar registrar;
  private final LogStore logs;
  private final Jobs jobs;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private ApiServer server;
  private Registrar.Registration registration;

  public HostDaemon(HostConfig c, JobRunner runner) {
    this(c, runner, StackImages.NONE);
  }

  /**
   * @param stacks this host's stack images, for jobs whose first mountspec names one
   */
  public HostDaemon(HostConfig c, JobRunner runner, StackImages stacks) {
    this(c, runner, stacks, Jobs.STOP_GRACE);
  }

  /** With a shorter grace between SIGTERM and SIGKILL, for tests. */
  HostDaemon(HostConfig c, JobRunner runner, Duration stopGrace) {
    this(c, runner, StackImages.NONE, stopGrace);
  }

  private HostDaemon(HostConfig c, JobRunner runner, StackImages stacks, Duration stopGrace) {
    this.config = c;
    this.registrar =
        c.discoverdUrl() == null ? Registrar.NONE : Registrar.discoverd(c.discoverdUrl());
    this.logs = new LogStore(c.stateDir().resolve("logs"));
    this.jobs =
        new Jobs(
            new Jobs.Settings(
                c.hostId(),
                c.stateDir().resolve("jobs"),
                stopGrace,
                runner.baseEnv(),
                Clock.systemUTC(),
                c.drainTimeout()),
            runner,
            registrar,
            logs,
            new StateFile(c.stateDir()),
            new StackedImages(
                new ImageStore(
                    c.stateDir().resolve("images"),
                    new BlobstoreSource(
                        c.discoverdUrl() == null ? null : new DiscoverdClient(c.discoverdUrl()),
                        c.key()),
                    isRoot()),
                stacks),
            c.discoverdUrl() == null
                ? BackendDrain.NONE
                : new RouterDrain(
                    new DiscoverdClient(c.discoverdUrl()), c.key(), Clock.systemUTC()),
            c.discoverdUrl() == null
                ? BackendReadiness.NONE
                : new RouterReadiness(
                    new DiscoverdClient(c.discoverdUrl()), c.key(), Clock.systemUTC()));
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Recovers from a previous crash, serves the API and registers the host. */
  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("host daemon already started or closed: " + state.get());
    }
    try {
      Files.createDirectories(config.stateDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create state dir " + config.stateDir(), e);
    }
    jobs.recover();
    server =
        ApiServer.start(
            config.bindHost(),
            config.port(),
            config.key(),
            Set.of(),
            routing -> HostApi.install(routing, jobs, logs, this::status),
            List.of(new AttachApi(jobs::console).route()));
    registration =
        registrar.register(
            SERVICE,
            Instance.of(
                "http", advertisedHost() + ":" + server.port(), Map.of("id", config.hostId())));
    LOG.info(
        "host={} event=started url={} state_dir={}", config.hostId(), url(), config.stateDir());
  }

  public int port() {
    requireStarted();
    return server.port();
  }

  public String url() {
    return "http://" + advertisedHost() + ":" + port();
  }

  private HostStatus status() {
    return new HostStatus(
        config.hostId(), Map.of(), (int) ProcessHandle.current().pid(), url(), version());
  }

  /**
   * Deregisters the host, stops every job (grace, then SIGKILL), ends the event and log streams,
   * then stops the API server.
   */
  @Override
  public void close() {
    State was = state.getAndSet(State.CLOSED);
    if (was == State.CLOSED) {
      return;
    }
    if (registration != null) {
      registration.close();
    }
    jobs.close();
    logs.close();
    if (server != null) {
      server.close();
    }
    LOG.info("host={} event=closed", config.hostId());
  }

  private void requireStarted() {
    if (server == null) {
      throw new IllegalStateException("host daemon not started");
    }
  }

  private String advertisedHost() {
    String host = config.bindHost();
    return host == null || host.isEmpty() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
  }

  private static String version() {
    String v = HostDaemon.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
