package flynn.scheduler;

import flynn.api.controller.ControllerClient;
import flynn.api.discoverd.DiscoverdClient;
import flynn.scheduler.io.Lifecycle;
import flynn.scheduler.leader.Leadership;
import flynn.scheduler.loop.ConvergenceLoop;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler of one machine. Every machine runs one; they elect a leader on ZooKeeper and only
 * the leader converges formations to jobs (a {@link ConvergenceLoop} that runs while leading).
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  private final SchedulerConfig config;
  private final Lifecycle lifecycle = new Lifecycle("scheduler");
  private final CuratorFramework zk;
  private final Leadership leadership;
  private final Object sessionLock = new Object();
  private ConvergenceLoop session;

  public Scheduler(SchedulerConfig config) {
    this.config = config;
    this.zk =
        CuratorFrameworkFactory.newClient(
            config.zkConnect(), new ExponentialBackoffRetry(200, 10, 5_000));
    this.leadership =
        new Leadership(
            zk, Leadership.PATH, "scheduler-" + UUID.randomUUID(), new LeadershipSessions());
  }

  public void start() {
    lifecycle.start();
    zk.start();
    leadership.start();
    log.info(
        "event=scheduler_started controller={} discoverd={}",
        config.controllerUrl(),
        config.discoverdUrl());
  }

  public boolean isLeader() {
    return leadership.isLeader();
  }

  @Override
  public void close() {
    if (!lifecycle.close()) {
      return;
    }
    leadership.close();
    stopSession();
    zk.close();
    log.info("event=scheduler_stopped");
  }

  private void startSession() {
    synchronized (sessionLock) {
      if (session != null || lifecycle.isClosed()) {
        return;
      }
      var settings =
          new ConvergenceLoop.Settings(
              new ControllerClient(config.controllerUrl(), config.key()),
              new DiscoverdClient(config.discoverdUrl()),
              config.key(),
              config.clock());
      session = new ConvergenceLoop(settings);
      session.start();
    }
  }

  private void stopSession() {
    synchronized (sessionLock) {
      if (session != null) {
        session.close();
        session = null;
      }
    }
  }

  /** Converges while leading, stops when leadership is lost. */
  private final class LeadershipSessions implements Leadership.Listener {
    @Override
    public void elected() {
      startSession();
    }

    @Override
    public void revoked() {
      stopSession();
    }
  }
}
