package flynn.controller.deployments.worker;

import flynn.api.controller.App;
import flynn.api.controller.Deployment;
import flynn.api.controller.Formation;
import flynn.api.controller.Release;
import flynn.controller.apps.AppStore;
import flynn.controller.deployments.DeploymentEvents;
import flynn.controller.deployments.DeploymentStore;
import flynn.controller.deployments.plan.DeployPlanner;
import flynn.controller.deployments.plan.Progress;
import flynn.controller.deployments.plan.Step;
import flynn.controller.events.EventBus;
import flynn.controller.formations.FormationService;
import flynn.controller.formations.FormationStore;
import flynn.controller.releases.ReleaseService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries one deployment out to its end: plans the strategy's steps from the formations as they
 * are, applies each (a formation change the scheduler follows) and waits for its jobs. On success
 * the new release becomes the app's; on failure the old formation is restored, the new one goes to
 * zero and the app keeps its release. Every decision is durable (status, rollback error,
 * formations), so a run stopped at any point is picked up again by {@link #run}.
 */
public final class DeploymentRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentRunner.class);

  private final Jdbi jdbi;
  private final EventBus bus;
  private final FormationService formations;
  private final Clock clock;
  private final IntSupplier hostCount;

  /**
   * @param hostCount the number of hosts: the batch size of in-batches deployments when the app
   *     does not set one
   */
  public DeploymentRunner(
      Jdbi jdbi, EventBus bus, FormationService formations, Clock clock, IntSupplier hostCount) {
    this.jdbi = jdbi;
    this.bus = bus;
    this.formations = formations;
    this.clock = clock;
    this.hostCount = hostCount;
  }

  /** Runs (or resumes, or finishes rolling back) the deployment; returns once it has ended. */
  public void run(DeploymentStore.Row row) throws InterruptedException {
    Deployment d = row.deployment();
    JobWatch watch = new JobWatch(jdbi, bus, clock, d);
    if (row.rollbackError() != null) {
      rollBack(d, row.rollbackError(), watch);
      return;
    }
    boolean resumed = Deployment.RUNNING.equals(d.status());
    markRunning(d);
    LOG.info(
        "deployment started deployment={} app={} strategy={} resumed={}",
        d.id(),
        d.app(),
        d.strategy(),
        resumed);
    try {
      List<Step> steps = steps(d, resumed);
      for (Step step : steps) {
        apply(d, step);
        watch.await(releaseOf(d, step), step, timeout(d), true);
      }
    } catch (DeployFailure e) {
      rollBack(d, e.getMessage(), watch);
      return;
    } catch (RuntimeException e) {
      stopIfInterrupted(e);
      LOG.error("deployment step failed deployment={}", d.id(), e);
      rollBack(d, "deployment failed: " + e.getMessage(), watch);
      return;
    }
    complete(d);
  }

  private List<Step> steps(Deployment d, boolean resumed) {
    Progress p =
        jdbi.withHandle(h -> {
          Release release = ReleaseService.require(h, d.newRelease());
          FormationStore store = new FormationStore(h);
          return new Progress(
              orEmpty(d.processes()),
              release.processes() == null ? Set.<String>of() : release.processes().keySet(),
              store.find(d.app(), d.newRelease()).map(Formation::processes).orElse(Map.of()),
              store.find(d.app(), d.oldRelease()).map(Formation::processes).orElse(Map.of()));
        });
    int batch = d.deployBatchSize() != null ? d.deployBatchSize() : hosts();
    return resumed
        ? DeployPlanner.resume(d.strategy(), p, batch)
        : DeployPlanner.plan(d.strategy(), p, batch);
  }

  private int hosts() {
    try {
      return Math.max(1, hostCount.getAsInt());
    } catch (RuntimeException e) {
      return 1;
    }
  }

  private void markRunning(Deployment d) {
    jdbi.useTransaction(h -> {
      if (Deployment.PENDING.equals(d.status())) {
        new DeploymentStore(h).setStatus(d.id(), Deployment.RUNNING);
      }
      DeploymentEvents.status(h, d, Deployment.RUNNING, null);
    });
  }

  /** Changes the side's formation to the step's counts, unless it already has them. */
  private void apply(Deployment d, Step step) {
    String release = releaseOf(d, step);
    Map<String, Integer> now =
        jdbi.withHandle(h -> new FormationStore(h).find(d.app(), release))
            .map(Formation::processes)
            .orElse(Map.of());
    boolean same =
        step.processes().entrySet().stream()
            .allMatch(e -> e.getValue().equals(now.getOrDefault(e.getKey(), 0)));
    if (same) {
      return;
    }
    LOG.info(
        "deployment step deployment={} release={} side={} processes={}",
        d.id(),
        release,
        step.side(),
        new TreeMap<>(step.processes()));
    var tags = step.side() == Step.Side.NEW ? d.tags() : null;
    formations.put(
        d.app(), release, new Formation(d.app(), release, step.processes(), tags, null, null));
  }

  private void complete(Deployment d) {
    jdbi.useTransaction(h -> {
      App app = new AppStore(h).findAny(d.app()).orElseThrow();
      ReleaseService.setCurrent(h, app, ReleaseService.require(h, d.newRelease()));
      new DeploymentStore(h).setStatus(d.id(), Deployment.COMPLETE);
      DeploymentEvents.status(h, d, Deployment.COMPLETE, null);
    });
    LOG.info(
        "deployment complete deployment={} app={} release={}", d.id(), d.app(), d.newRelease());
  }

  /**
   * Restores the old formation (waiting, bounded, for its jobs), scales the new one to zero and
   * marks the deployment failed. Starting again after a restart does the same: every part is
   * idempotent.
   */
  private void rollBack(Deployment d, String error, JobWatch watch) throws InterruptedException {
    LOG.warn(
        "deployment failed, rolling back deployment={} app={} error={}", d.id(), d.app(), error);
    jdbi.useTransaction(h -> new DeploymentStore(h).setRollbackError(d.id(), error));
    Step restore = new Step(Step.Side.OLD, orEmpty(d.processes()), Step.Wait.UP);
    Map<String, Integer> zero = new TreeMap<>();
    jdbi.withHandle(h -> new FormationStore(h).find(d.app(), d.newRelease()))
        .map(Formation::processes)
        .orElse(Map.of())
        .keySet()
        .forEach(t -> zero.put(t, 0));
    Step stopNew = new Step(Step.Side.NEW, zero, Step.Wait.DOWN);
    for (Step step : List.of(restore, stopNew)) {
      try {
        apply(d, step);
        watch.await(releaseOf(d, step), step, timeout(d), false);
      } catch (RuntimeException e) {
        // best effort (the app may be gone): the deployment must end failed either way
        stopIfInterrupted(e);
        LOG.warn("rollback step did not settle deployment={} error={}", d.id(), e.getMessage());
      } catch (DeployFailure e) {
        LOG.warn("rollback step did not settle deployment={} error={}", d.id(), e.getMessage());
      }
    }
    jdbi.useTransaction(h -> {
      new DeploymentStore(h).setStatus(d.id(), Deployment.FAILED);
      DeploymentEvents.status(h, d, Deployment.FAILED, error);
    });
    LOG.info("deployment rolled back deployment={} app={}", d.id(), d.app());
  }

  /**
   * A stopping worker interrupts its runs; a database call cut short by that is a pause (the run
   * resumes on the next leader), not a failure of the deployment.
   */
  private static void stopIfInterrupted(RuntimeException e) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      InterruptedException stopped = new InterruptedException("deploy worker stopping");
      stopped.initCause(e);
      throw stopped;
    }
  }

  private static String releaseOf(Deployment d, Step step) {
    return step.side() == Step.Side.NEW ? d.newRelease() : d.oldRelease();
  }

  private static Duration timeout(Deployment d) {
    return Duration.ofSeconds(d.deployTimeout() == null ? 120 : d.deployTimeout());
  }

  private static Map<String, Integer> orEmpty(Map<String, Integer> m) {
    return m == null ? Map.of() : m;
  }
}
