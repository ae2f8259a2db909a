package flynn.controller.deployments.worker;

import flynn.controller.deployments.DeploymentStore;
import flynn.controller.events.EventBus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deploy worker: while this controller leads, runs every pending deployment and picks up
 * running ones (after a restart), each on its own virtual thread. Woken by new events (a created
 * deployment appends one), and rechecks every {@code poll}.
 */
public final class DeploymentWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentWorker.class);

  private enum State {
    LATENT,
    STARTED,
    CLOSED
  }

  private final Jdbi jdbi;
  private final EventBus bus;
  private final DeployLeader leader;
  private final DeploymentRunner runner;
  private final Duration poll;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private final Map<String, Thread> runs = new ConcurrentHashMap<>();
  private final Thread loop;

  public DeploymentWorker(
      Jdbi jdbi, EventBus bus, DeployLeader leader, DeploymentRunner runner, Duration poll) {
    this.jdbi = jdbi;
    this.bus = bus;
    this.leader = leader;
    this.runner = runner;
    this.poll = poll;
    this.loop = Thread.ofVirtual().name("deploy-worker").unstarted(this::loop);
  }

  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("deploy worker already started or closed");
    }
    loop.start();
  }

  private void loop() {
    String why = "closed";
    try {
      while (state.get() == State.STARTED && !bus.isClosed()) {
        long generation = bus.generation();
        tick();
        bus.awaitChange(generation, poll);
      }
    } catch (InterruptedException e) {
      why = "interrupted";
    } catch (RuntimeException | Error e) {
      why = "failed: " + e;
      LOG.error("deploy worker failed", e);
    } finally {
      stopRuns();
      LOG.info("deploy worker stopped reason={}", why);
    }
  }

  private void tick() {
    if (!leader.holds()) {
      stopRuns();
      return;
    }
    try {
      List<DeploymentStore.Row> queue =
          jdbi.withHandle(h -> new DeploymentStore(h).listUnfinished());
      queue.forEach(this::startRun);
    } catch (RuntimeException e) {
      if (state.get() == State.STARTED) {
        LOG.warn("reading the deployment queue failed error={}", e.getMessage());
      }
    }
  }

  private void startRun(DeploymentStore.Row row) {
    String id = row.deployment().id();
    runs.computeIfAbsent(id, k -> Thread.ofVirtual().name("deploy-" + id).start(() -> runOne(row)));
  }

  private void runOne(DeploymentStore.Row row) {
    String id = row.deployment().id();
    try {
      // re-read: the queue may have been listed just before an earlier run of it ended
      var current = jdbi.withHandle(h -> new DeploymentStore(h).find(id));
      if (current.isPresent() && !current.get().deployment().finished()) {
        runner.run(current.get());
      }
    } catch (InterruptedException e) {
      LOG.info("deployment paused deployment={} reason=worker_stopped", id);
    } catch (RuntimeException e) {
      // stays pending/running: the next tick (or leader) picks it up again
      if (Thread.currentThread().isInterrupted()) {
        LOG.info("deployment paused deployment={} reason=worker_stopped", id);
      } else {
        LOG.error("deployment run failed, will retry deployment={}", id, e);
      }
    } finally {
      runs.remove(id);
    }
  }

  private void stopRuns() {
    runs.values().forEach(Thread::interrupt);
  }

  /** Stops the loop and every run (which resume on the next leader), and gives up leadership. */
  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) == State.CLOSED) {
      return;
    }
    loop.interrupt();
    try {
      loop.join(Duration.ofSeconds(5));
      for (Thread t : List.copyOf(runs.values())) {
        t.interrupt();
        t.join(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    leader.close();
  }
}
