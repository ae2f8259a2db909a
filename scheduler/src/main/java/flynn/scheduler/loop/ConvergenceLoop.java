package flynn.scheduler.loop;

import flynn.api.controller.ControllerClient;
import flynn.api.discoverd.DiscoverdClient;
import flynn.api.http.ApiException;
import flynn.scheduler.io.Backoff;
import flynn.scheduler.io.Lifecycle;
import flynn.scheduler.io.Persister;
import flynn.scheduler.jobs.TrackedJob;
import flynn.scheduler.plan.JobState.Status;
import flynn.scheduler.plan.Plan;
import flynn.scheduler.plan.Reconciler;
import flynn.scheduler.state.ClusterState;
import flynn.scheduler.state.HostInfo;
import flynn.scheduler.state.VolumeCleanup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's work while it leads: load formations, hosts and jobs, then on every input (and a
 * 1 s tick for backoff timers) plan and carry out the plan. All state lives on the loop thread;
 * feeders post {@link Input}s to it.
 */
public final class ConvergenceLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConvergenceLoop.class);
  private static final Duration TICK = Duration.ofSeconds(1);
  private static final Duration FORMATION_RESYNC = Duration.ofSeconds(60);
  private static final Duration VOLUME_RESYNC = Duration.ofSeconds(10);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

  /** Where the loop's inputs come from and its outputs go. */
  public record Settings(
      ControllerClient controller, DiscoverdClient discoverd, String key, Clock clock) {}

  private final Settings settings;
  private final Lifecycle lifecycle = new Lifecycle("scheduler-loop");
  private final BlockingQueue<Input> inputs = new LinkedBlockingQueue<>();
  private final ClusterState state = new ClusterState();
  private final Persister persister = new Persister("scheduler-persist", Backoff.DEFAULT);
  private final ExecutorService calls =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("scheduler-call-", 0).factory());
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("scheduler-resync").factory());
  private final HostFeeds hostFeeds;
  private final FormationFeed formationFeed;
  private final HostDirectory hostDirectory;
  private final PlanExecutor executor;
  private Set<Plan.Blocked> lastBlocked = Set.of();
  private volatile Thread thread;

  public ConvergenceLoop(Settings settings) {
    this.settings = settings;
    this.hostFeeds = new HostFeeds(settings.key(), Backoff.DEFAULT, inputs::add);
    this.formationFeed =
        new FormationFeed(
            settings.controller().formations(), settings.clock(), Backoff.DEFAULT, inputs::add);
    this.hostDirectory = new HostDirectory(settings.discoverd(), Backoff.DEFAULT, inputs::add);
    this.executor =
        new PlanExecutor(
            state, settings.controller(), persister, hostFeeds::client, calls, inputs::add);
  }

  public void start() {
    lifecycle.start();
    persister.start();
    thread = Thread.ofVirtual().name("scheduler-loop").start(this::run);
    formationFeed.start();
    hostDirectory.start();
    timers.execute(this::loadActiveJobs);
    timers.execute(this::loadVolumesAtStart);
    long volumesEvery = VOLUME_RESYNC.toMillis();
    timers.scheduleWithFixedDelay(
        this::loadVolumes, volumesEvery, volumesEvery, TimeUnit.MILLISECONDS);
    long every = FORMATION_RESYNC.toSeconds();
    timers.scheduleWithFixedDelay(this::resyncFormations, every, every, TimeUnit.SECONDS);
  }

  private void run() {
    String why = "closed";
    try {
      while (!lifecycle.isClosed()) {
        Input first = inputs.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
        Instant now = settings.clock().instant();
        for (Input in : drain(first)) {
          apply(in, now);
        }
        converge(now);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      why = e.toString();
      log.error("loop=scheduler event=died reason=\"{}\"", why, e);
    }
    log.info("loop=scheduler event=stopped reason=\"{}\"", why);
  }

  private List<Input> drain(Input first) {
    List<Input> batch = new ArrayList<>();
    if (first != null) {
      batch.add(first);
      inputs.drainTo(batch);
    }
    return batch;
  }

  private void apply(Input input, Instant now) {
    switch (input) {
      case Input.FormationsListed f -> state.replaceFormations(f.formations());
      case Input.FormationChanged f -> state.updateFormation(f.formation());
      case Input.ActiveJobsListed j -> {
        state.loadActiveJobs(j.jobs(), now);
        hostFeeds.relistAll(timers);
      }
      case Input.HostsListed h -> replaceHosts(h.hosts());
      case Input.HostUp h -> hostUp(h.host());
      case Input.HostDown h -> hostDown(h.hostId());
      case Input.HostJobsListed h ->
          state.applyHostJobs(h.hostId(), h.jobs(), now).forEach(executor::record);
      case Input.HostJobEvent e ->
          state.applyHostEvent(e.hostId(), e.event(), now).ifPresent(this::jobChanged);
      case Input.VolumesListed v -> state.mergeVolumes(v.volumes());
      case Input.VolumeDeleted d -> executor.volumeDeleted(d, now);
      case Input.LaunchFailed f -> launchFailed(f, now);
      case Input.StopFailed f -> stopFailed(f, now);
    }
  }

  private void converge(Instant now) {
    if (!state.isLoaded()) {
      return;
    }
    state.prune(now);
    Plan plan =
        Reconciler.plan(
            state.formationStates(),
            state.hostStates(),
            state.jobStates(),
            state.volumeStates(),
            now);
    if (plan.hasActions()) {
      executor.execute(plan, now);
    }
    executor.destroyVolumes(
        VolumeCleanup.toDestroy(
            state.volumes().values(), state.hostIds(), liveJobUuids(), executor.deletingVolumes()));
    Set<Plan.Blocked> blocked = new HashSet<>(plan.blocked());
    if (!blocked.equals(lastBlocked)) {
      blocked.forEach(b ->
          log.warn(
              "action=blocked app={} release={} type={} missing={} reason=\"no ready host"
                  + " with matching tags\"",
              b.formation().app(),
              b.formation().release(),
              b.type(),
              b.missing()));
      lastBlocked = blocked;
    }
  }

  private Set<String> liveJobUuids() {
    Set<String> live = new HashSet<>();
    state.jobStates().stream()
        .filter(j -> j.status() != Status.DOWN)
        .forEach(j -> live.add(j.uuid()));
    return live;
  }

  private void replaceHosts(List<HostInfo> hosts) {
    Set<String> listed = new HashSet<>();
    hosts.forEach(h -> {
      listed.add(h.id());
      hostUp(h);
    });
    state.hostIds().stream().filter(id -> !listed.contains(id)).forEach(this::hostDown);
    state.hostsLoaded();
  }

  private void hostUp(HostInfo host) {
    boolean moved = state.host(host.id()).map(h -> !h.url().equals(host.url())).orElse(false);
    if (state.addHost(host) || moved) {
      log.info("event=host_up host={} url={}", host.id(), host.url());
      hostFeeds.follow(host);
    }
  }

  private void hostDown(String hostId) {
    if (state.removeHost(hostId).isPresent()) {
      log.warn("event=host_down host={}", hostId);
      hostFeeds.unfollow(hostId);
    }
  }

  private void jobChanged(TrackedJob job) {
    executor.record(job);
    log.info(
        "event=job_{} job={} type={} host={}",
        job.state().status().name().toLowerCase(java.util.Locale.ROOT),
        job.uuid(),
        job.state().type(),
        job.state().hostId());
  }

  private void launchFailed(Input.LaunchFailed f, Instant now) {
    state
        .job(f.uuid())
        .filter(j -> j.state().status() != Status.DOWN)
        .ifPresent(j -> {
          log.warn(
              "event=host_error job={} host={} error=\"{}\"",
              f.uuid(),
              j.state().hostId(),
              f.error());
          executor.record(j.with(j.state().down(now, true)).withOutcome(null, f.error()));
        });
  }

  private void stopFailed(Input.StopFailed f, Instant now) {
    log.warn("event=stop_failed job={} error=\"{}\"", f.uuid(), f.error());
    if (f.unknownToHost()) {
      state
          .job(f.uuid())
          .filter(j -> j.state().status() == Status.STOPPING)
          .ifPresent(j -> executor.record(j.with(j.state().down(now, false))));
    }
  }

  private void loadActiveJobs() {
    for (int attempt = 0; !lifecycle.isClosed(); attempt++) {
      try {
        inputs.add(new Input.ActiveJobsListed(settings.controller().jobs().listActive()));
        return;
      } catch (RuntimeException e) {
        log.warn("event=active_jobs_failed attempt={} error=\"{}\"", attempt + 1, e.getMessage());
        if (!Backoff.DEFAULT.pause(attempt)) {
          return;
        }
      }
    }
  }

  /**
   * The controller's volumes, at leadership start (no job is placed before they are known) and then
   * periodically, to learn of decommissioned ones. A controller without volumes (404) has none.
   */
  private boolean loadVolumes() {
    try {
      inputs.add(new Input.VolumesListed(settings.controller().volumes().listAll()));
      return true;
    } catch (ApiException e) {
      if (e.isNotFound()) {
        inputs.add(new Input.VolumesListed(List.of()));
        return true;
      }
      log.warn("event=volumes_failed error=\"{}\"", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("event=volumes_failed error=\"{}\"", e.toString());
    }
    return false;
  }

  /** Until the first listing arrives no job is placed, so it is retried with backoff. */
  private void loadVolumesAtStart() {
    for (int attempt = 0; !lifecycle.isClosed() && !loadVolumes(); attempt++) {
      if (!Backoff.DEFAULT.pause(attempt)) {
        return;
      }
    }
  }

  private void resyncFormations() {
    try {
      formationFeed.resync();
    } catch (RuntimeException e) {
      log.warn("event=formation_resync_failed error=\"{}\"", e.getMessage());
    }
  }

  @Override
  public void close() {
    if (!lifecycle.close()) {
      return;
    }
    timers.shutdownNow();
    formationFeed.close();
    hostDirectory.close();
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      join(t);
    }
    hostFeeds.close();
    calls.shutdownNow();
    persister.close();
  }

  private static void join(Thread t) {
    try {
      t.join(JOIN_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
