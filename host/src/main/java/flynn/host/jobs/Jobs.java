package flynn.host.jobs;

import flynn.api.host.ActiveJob;
import flynn.api.host.ContainerConfig;
import flynn.api.host.HostEvent;
import flynn.api.host.HostJob;
import flynn.api.host.Port;
import flynn.api.http.ApiException;
import flynn.host.JobRunner;
import flynn.host.attach.JobConsole;
import flynn.host.discovery.Registrar;
import flynn.host.discovery.Registrar.Registration;
import flynn.host.drain.BackendDrain;
import flynn.host.drain.BackendReadiness;
import flynn.host.feed.Feed;
import flynn.host.images.ImageLayers;
import flynn.host.logs.LogStore;
import flynn.host.run.RunningJob;
import flynn.host.state.RunningRecord;
import flynn.host.state.StateFile;
import flynn.host.volumes.VolumeAttachments;
import flynn.host.volumes.VolumeIds;
import flynn.host.volumes.Volumes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The jobs of this host: adding, stopping, listing, recovery after a crash, shutdown. */
public final class Jobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

  /** How long a job has between SIGTERM and SIGKILL. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /** Slack on top of the grace for a stop to be reported, before a stop request gives up. */
  private static final Duration STOP_SLACK = Duration.ofSeconds(10);

  /** How long a stop waits at most for the routers to drain a job's addresses. */
  public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  /** How long a routed job's "up" waits at most for the routers to route to it. */
  public static final Duration ROUTER_READY_TIMEOUT = Duration.ofSeconds(5);

  /**
   * @param jobsDir where each job gets its working directory, {@code <jobsDir>/<job id>}
   * @param baseEnv what every job's env starts from (PATH, HOME), below the job's own
   * @param stopGrace the grace of jobs without their own {@code stop_grace}
   * @param drainTimeout how long a stop waits at most for routers to drain the job
   * @param routerReadyTimeout how long a routed job's "up" waits at most for the routers
   */
  public record Settings(
      String hostId,
      Path jobsDir,
      Duration stopGrace,
      Map<String, String> baseEnv,
      Clock clock,
      Duration drainTimeout,
      Duration routerReadyTimeout) {

    public Settings(
        String hostId, Path jobsDir, Duration stopGrace, Map<String, String> baseEnv, Clock clock) {
      this(hostId, jobsDir, stopGrace, baseEnv, clock, DRAIN_TIMEOUT);
    }

    public Settings(
        String hostId,
        Path jobsDir,
        Duration stopGrace,
        Map<String, String> baseEnv,
        Clock clock,
        Duration drainTimeout) {
      this(hostId, jobsDir, stopGrace, baseEnv, clock, drainTimeout, ROUTER_READY_TIMEOUT);
    }
  }

  private final Settings settings;
  private final JobRunner runner;
  private final Registrar registrar;
  private final LogStore logs;
  private final StateFile stateFile;
  private final ImageLayers images;
  private final BackendDrain drain;
  private final BackendReadiness readiness;
  private final Volumes volumes;
  private final JobTable table = new JobTable();
  private final Object adding = new Object();
  private final Map<String, JobConsole> consoles = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * The jobs' volumes are kept beside {@code settings.jobsDir()}, in {@code volumes}.
   *
   * @param images resolves the image layers of jobs that have them
   * @param drain waits for routers to drain a routed job before it is signalled
   * @param readiness waits for routers to route to a job before it is reported up
   */
  public Jobs(
      Settings settings,
      JobRunner runner,
      Registrar registrar,
      LogStore logs,
      StateFile stateFile,
      ImageLayers images,
      BackendDrain drain,
      BackendReadiness readiness) {
    this.volumes = new Volumes(settings.jobsDir().resolveSibling("volumes"), settings.clock());
    this.drain = drain;
    this.readiness = readiness;
    this.settings = settings;
    this.runner = runner;
    this.registrar = registrar;
    this.logs = logs;
    this.stateFile = stateFile;
    this.images = images;
  }

  /**
   * Kills the processes a crashed daemon left behind (see {@link JobRunner#killLeftover}) and
   * reports their jobs as crashed.
   */
  public void recover() {
    OffsetDateTime now = OffsetDateTime.now(settings.clock());
    for (RunningRecord lost : stateFile.load()) {
      boolean killed = runner.killLeftover(lost.process());
      volumes.released(lost.job().id(), lost.job().config().volumesOrEmpty());
      table
          .add(JobStates.lostInRestart(lost.job(), settings.hostId(), lost.createdAt(), now))
          .finished()
          .complete(null);
      LOG.info(
          "job={} state=crashed event=recovered pid={} killed={}",
          lost.job().id(),
          lost.process().pid(),
          killed);
    }
    persist();
  }

  /** Validates and starts a job; returns at once with it in status starting. */
  public ActiveJob add(String id, HostJob requested) {
    if (closed) {
      throw ApiException.unavailable("host is shutting down");
    }
    HostJob job = withPorts(JobValidation.validated(id, requested));
    JobEntry entry;
    synchronized (adding) {
      requireFreeVolumes(job);
      entry =
          table.add(
              JobStates.created(job, settings.hostId(), OffsetDateTime.now(settings.clock())));
    }
    JobLabels labels = JobLabels.of(job);
    LOG.info(
        "job={} app={} type={} state=starting args={}",
        id,
        labels.appId(),
        labels.processType(),
        job.config().args().getFirst());
    Thread.ofVirtual().name("job-" + id).start(new JobRun(this, entry));
    return entry.current();
  }

  /** A volume is used by one live job at a time: a second gets 409. */
  private void requireFreeVolumes(HostJob job) {
    Map<String, String> held = VolumeAttachments.held(list());
    for (var binding : job.config().volumesOrEmpty()) {
      String holder = held.get(VolumeIds.checked(binding.volume()));
      if (holder != null && !holder.equals(job.id())) {
        throw ApiException.conflict("volume " + binding.volume() + " is in use by job " + holder);
      }
    }
  }

  /** This host's volumes, each with the live job using it. */
  public List<flynn.api.host.HostVolume> listVolumes() {
    return volumes.list(VolumeAttachments.held(list()));
  }

  /** Deletes a volume no live job uses. */
  public void deleteVolume(String volumeId) {
    synchronized (adding) {
      volumes.delete(volumeId, VolumeAttachments.held(list()));
    }
  }

  /**
   * Stops a job: deregisters it, waits (bounded) until the routers have drained it when it was
   * registered, then SIGTERM, then SIGKILL after the grace period. Returns once its stop is
   * reported. Stopping a stopped job does nothing.
   */
  public void stop(String id) {
    JobEntry entry = table.get(id).orElseThrow(() -> ApiException.notFound("job", id));
    stop(entry);
  }

  private void stop(JobEntry entry) {
    List<Registration> registered = entry.requestStop();
    registered.forEach(Registration::close);
    if (!registered.isEmpty() && !entry.finished().isDone()) {
      drain.await(entry.current().job().id(), entry.registeredAddrs(), settings.drainTimeout());
    }
    RunningJob running = entry.running();
    if (running != null) {
      running.stop(stopGraceOf(entry));
    }
    await(entry.finished(), stopGraceOf(entry).plus(STOP_SLACK));
  }

  /** The job's own grace between SIGTERM and SIGKILL, or the host's. */
  Duration stopGraceOf(JobEntry entry) {
    return entry.current().job().stopGraceOr(settings.stopGrace());
  }

  /**
   * The console clients attach to for job {@code id}, also before the job is added (they then wait
   * for it); empty once the job has ended.
   */
  public Optional<JobConsole> console(String id) {
    if (table.get(id).map(e -> e.finished().isDone()).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(consoleOf(id));
  }

  JobConsole consoleOf(String id) {
    return consoles.computeIfAbsent(id, k -> new JobConsole());
  }

  void forgetConsole(String id) {
    consoles.remove(id);
  }

  public List<ActiveJob> list() {
    return table.entries().stream().map(JobEntry::current).toList();
  }

  public ActiveJob get(String id) {
    return table.get(id).map(JobEntry::current).orElseThrow(() -> ApiException.notFound("job", id));
  }

  /** Every job event from now on; the caller closes the subscription. */
  public Feed.Subscription<HostEvent> events() {
    return table.subscribe();
  }

  /** Stops every job at once (each with its grace period) and ends the event streams. */
  @Override
  public void close() {
    closed = true;
    List<CompletableFuture<Void>> stopping =
        table.entries().stream()
            .filter(e -> !e.finished().isDone())
            .map(e -> CompletableFuture.runAsync(() -> stop(e), stopThread(e)))
            .toList();
    Duration longestGrace =
        table.entries().stream()
            .map(this::stopGraceOf)
            .reduce(settings.stopGrace(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    await(
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)),
        settings.drainTimeout().plus(longestGrace).plus(STOP_SLACK));
    table.close();
  }

  private static Executor stopThread(JobEntry entry) {
    return task ->
        Thread.ofVirtual().name("job-" + entry.current().job().id() + "-stop").start(task);
  }

  /** Writes the jobs with live processes to the state file. */
  synchronized void persist() {
    stateFile.save(
        table.entries().stream()
            .filter(e -> !e.finished().isDone() && e.running() != null)
            .filter(e -> !e.current().status().isStopped())
            .map(e ->
                new RunningRecord(
                    e.current().job(), e.running().process(), e.current().createdAt()))
            .toList());
  }

  private HostJob withPorts(HostJob job) {
    ContainerConfig c = job.config();
    List<Port> ports =
        JobPorts.assign(c.ports(), runner.sharesHostNetwork(), JobPorts::freeLoopbackPort);
    Map<String, String> env = JobPorts.env(c.env(), ports);
    ContainerConfig resolved = c.withEnvAndPorts(env, ports);
    return new HostJob(
        job.id(),
        job.metadata(),
        job.resources(),
        job.partition(),
        resolved,
        job.resurrect(),
        job.mountspecs(),
        job.stopGrace());
  }

  private static void await(CompletableFuture<?> future, Duration timeout) {
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("event=stop-timeout timeout={}", timeout);
    } catch (ExecutionException e) {
      LOG.warn("event=stop-failed error={}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Settings settings() {
    return settings;
  }

  Volumes volumes() {
    return volumes;
  }

  JobRunner runner() {
    return runner;
  }

  ImageLayers images() {
    return images;
  }

  BackendDrain drain() {
    return drain;
  }

  BackendReadiness readiness() {
    return readiness;
  }

  Registrar registrar() {
    return registrar;
  }

  LogStore logs() {
    return logs;
  }

  JobTable table() {
    return table;
  }
}
