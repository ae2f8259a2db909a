package flynn.node;

import flynn.api.controller.ControllerClient;
import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Heartbeat;
import flynn.api.discoverd.Instance;
import flynn.api.router.RouterClient;
import flynn.blobstore.BlobstoreConfig;
import flynn.blobstore.BlobstoreServer;
import flynn.controller.ControllerConfig;
import flynn.controller.ControllerServer;
import flynn.discoverd.DiscoverdConfig;
import flynn.discoverd.DiscoverdServer;
import flynn.discoverd.EmbeddedZooKeeper;
import flynn.discoverd.dns.DnsConfig;
import flynn.host.HostConfig;
import flynn.host.HostDaemon;
import flynn.host.JobRunner;
import flynn.host.ProcessRunner;
import flynn.host.images.StackImages;
import flynn.host.net.Firewall;
import flynn.host.net.FirewallConfig;
import flynn.host.runc.JobBridge;
import flynn.host.runc.JobResolver;
import flynn.host.runc.NetworkConfig;
import flynn.host.runc.RuncConfig;
import flynn.host.runc.RuncRunner;
import flynn.host.stack.OnDemandStacks;
import flynn.host.stack.StackConfig;
import flynn.host.stack.StackLayer;
import flynn.host.stack.StackPrebuild;
import flynn.host.stack.Stacks;
import flynn.router.RouterConfig;
import flynn.router.RouterServer;
import flynn.router.api.RouterApi;
import flynn.router.api.RouterApiConfig;
import flynn.router.tls.ClusterCa;
import flynn.scheduler.Scheduler;
import flynn.scheduler.SchedulerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every role of one machine in one JVM: ZooKeeper, PostgreSQL, discoverd, controller, host daemon,
 * scheduler and router, started in dependency order and stopped in reverse (the router and the
 * scheduler first, so no request reaches and no restart revives the jobs the host is stopping).
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  private static final String LOOPBACK = "127.0.0.1";

  private final NodeConfig config;
  private final StateDir state;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /**
   * One for the node: builds of the run stack, jobs' on-demand builds and the prebuild share it.
   */
  private final Stacks stacks;

  public Node(NodeConfig config) {
    this.config = config;
    this.state = new StateDir(config.stateDir());
    this.stacks =
        new Stacks(StackConfig.defaults(config.stackDir(), RuncConfig.APP_UID), Clock.systemUTC());
  }

  /** Starts every role; returns once the cluster answers and the CLI config names it. */
  public void start() {
    state.create();
    List<Path> stack = List.of();
    if (config.runner() == RunnerChoice.RUNC) {
      started.push(ContainerHostLock.acquire(ContainerHostLock.MACHINE_LOCK, config.stateDir()));
      stack = runStack();
    }
    StackImages stackImages =
        config.runner() == RunnerChoice.RUNC ? new OnDemandStacks(stacks) : StackImages.NONE;
    FreePorts.requireFree(config.controllerPort(), "--controller-port");
    FreePorts.requireFree(config.httpPort(), "--http-port");
    FreePorts.requireFree(config.httpsPort(), "--https-port");
    FreePorts.requireFree(config.gitPort(), "--git-port");
    if (config.routerApiPort() != 0) {
      FreePorts.requireFree(config.routerApiPort(), "--router-api-port");
    }
    String key = state.clusterKey();
    String hostId = state.hostId();

    EmbeddedZooKeeper zk = new EmbeddedZooKeeper(freshDir("zookeeper"), FreePorts.pick());
    zk.start();
    started.push(zk);

    EmbeddedDatabase db =
        new EmbeddedDatabase(state.resolve("postgres"), state.resolve("postgres-bin"));
    db.start();
    started.push(db);

    DiscoverdServer discoverd =
        new DiscoverdServer(new DiscoverdConfig(LOOPBACK, FreePorts.pick(), zk.connectString()));
    discoverd.start();
    started.push(discoverd);

    ClusterCa tls = ClusterCa.loadOrCreate(state.resolve("tls"), config.domain());
    ControllerServer controller =
        new ControllerServer(
            new ControllerConfig(
                "0.0.0.0",
                config.controllerPort(),
                db.jdbcUrl(),
                db.user(),
                "",
                key,
                config.domain(),
                discoverd.url(),
                tls.caCertPem()));
    controller.start();
    started.push(controller);

    BlobstoreServer blobstore =
        new BlobstoreServer(
            new BlobstoreConfig(LOOPBACK, FreePorts.pick(), key, state.resolve("blobstore")));
    blobstore.start();
    started.push(blobstore);
    started.push(
        Heartbeat.start(
            new DiscoverdClient(discoverd.url()),
            BlobstoreServer.SERVICE,
            Instance.of("http", blobstore.address(), Map.of())));

    HostDaemon host =
        new HostDaemon(
            new HostConfig(
                hostId,
                state.resolve("host"),
                LOOPBACK,
                FreePorts.pick(),
                discoverd.url(),
                key,
                config.drainTimeout()),
            runner(stack, discoverd),
            stackImages);
    host.start();
    started.push(host);

    Scheduler scheduler =
        new Scheduler(
            new SchedulerConfig(
                config.controllerUrl(),
                key,
                discoverd.url(),
                zk.connectString(),
                Clock.systemUTC()));
    scheduler.start();
    started.push(scheduler);

    RouterServer router =
        new RouterServer(
            RouterConfig.of(
                    "0.0.0.0", config.httpPort(), config.controllerUrl(), key, discoverd.url(), key)
                .withHttps(config.httpsPort(), tls)
                .withTransport(config.routerTransport()));
    router.start();
    started.push(router); // closed first: no new requests reach jobs that are being stopped
    startRouterApi(router, key, discoverd.url());

    started.push(
        GitReceiveRole.start(config, config.stateDir(), key, discoverd.url(), blobstore.url()));
    if (config.runner() == RunnerChoice.RUNC) {
      // the appliances run in containers of their stack images: no provider without them
      started.push(AppliancesRole.start(key, config.controllerUrl(), discoverd.url()));
    }

    awaitReady(
        new ControllerClient(config.controllerUrl(), key), new DiscoverdClient(discoverd.url()));
    GitReceiveRole.ensureRoute(new ControllerClient(config.controllerUrl(), key), config.domain());
    CliConfig.register(config, key, blobstore.url());
    GitCredentialSetup.configure(
        config.gitUrl(), System.getProperty(GitCredentialSetup.LAUNCHER_PROPERTY, "flynn"));
    if (config.runner() == RunnerChoice.RUNC && config.buildStack()) {
      StackPrebuild prebuild = new StackPrebuild(stacks, StackLayer.BUILD);
      started.push(prebuild);
      prebuild.start();
    }
  }

  /**
   * The router's API on loopback (jobs cannot reach it), registered as router-api so hosts wait for
   * its drain reports; deregistered before the router stops, so stopping jobs then waits for
   * nothing.
   */
  private void startRouterApi(RouterServer router, String key, String discoverdUrl) {
    RouterApi api =
        RouterApi.start(
            RouterApiConfig.of(LOOPBACK, config.routerApiPort(), key),
            router.drains(),
            router.readiness(),
            router.metrics());
    started.push(api);
    started.push(
        Heartbeat.start(
            new DiscoverdClient(discoverdUrl),
            RouterClient.SERVICE,
            Instance.of("http", LOOPBACK + ":" + api.port(), Map.of())));
  }

  /**
   * The run stack's layers, built first when this machine has none: containers run in it, so the
   * host must not start jobs before it exists.
   */
  private List<Path> runStack() {
    if (!stacks.isBuilt(StackLayer.RUN)) {
      System.err.println(
          "flynn-host: building the run stack in "
              + config.stackDir()
              + " (first start with containers: jobs run in this Debian image; this takes a"
              + " couple of minutes, once)");
    }
    try {
      return stacks.ensure(StackLayer.RUN, System.err::println);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the run stack: " + e.getMessage(), e);
    }
  }

  private JobRunner runner(List<Path> stack, DiscoverdServer discoverd) {
    LOG.info(
        "event=runner-chosen runner={} state_dir={}", config.runner().flag(), config.stateDir());
    return switch (config.runner()) {
      case PROCESS -> new ProcessRunner();
      case RUNC -> runcRunner(RuncConfig.defaults(state.resolve("runc"), stack), discoverd);
    };
  }

  /** Containers, with the firewall that keeps their jobs off this machine's private ports. */
  private JobRunner runcRunner(RuncConfig runc, DiscoverdServer discoverd) {
    JobResolver resolver = jobDns(runc.network(), discoverd, JobResolver.detect(runc.network()));
    Firewall firewall =
        new Firewall(
            FirewallConfig.defaults(
                runc.network(), config.httpPort(), config.httpsPort(), resolver.onHost()),
            runc.stateDir());
    started.push(firewall); // stopped after the host daemon, so its jobs never run unguarded
    firewall.start();
    RuncRunner runner = new RuncRunner(runc, resolver);
    started.push(runner); // closed after the host daemon has stopped the jobs
    return runner;
  }

  /**
   * discoverd's DNS on the job bridge's gateway, port 53, so jobs resolve {@code
   * leader.<service>.discoverd} and, through the host's resolvers that {@code upstream} names,
   * every other name. Where that cannot be (another DNS server owns the port), jobs keep {@code
   * upstream}. Stopped after the jobs, as it is pushed before the runner.
   */
  private JobResolver jobDns(
      NetworkConfig network, DiscoverdServer discoverd, JobResolver upstream) {
    if (upstream.onHost()) {
      LOG.warn(
          "gateway={} event=job-dns-not-served reason=\"another DNS server answers on the"
              + " gateway; jobs use it and cannot resolve *.discoverd names\"",
          network.gateway());
      return upstream;
    }
    try {
      JobBridge.ensure(network);
      started.push(
          discoverd.serveDns(DnsConfig.forJobs(network.gateway(), upstream.nameservers())));
      return upstream.throughGateway(network.gateway());
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn(
          "gateway={} nameservers={} event=job-dns-not-served reason=\"{}\" (jobs use the"
              + " host's resolvers and cannot resolve *.discoverd names)",
          network.gateway(),
          upstream.nameservers(),
          e.getMessage());
      return upstream;
    }
  }

  private void awaitReady(ControllerClient controller, DiscoverdClient discoverd) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (controller.ping() && !discoverd.instances("flynn-host").isEmpty()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting");
      }
    }
    throw new IllegalStateException(
        "the cluster did not become ready within 60 s: see the log above");
  }

  /** ZooKeeper holds only ephemeral state on one machine (instances, leaders): start it empty. */
  private Path freshDir(String name) {
    Path dir = state.resolve(name);
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable role = started.pop();
      try {
        role.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", role.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
