package flynn.scheduler.leader;

import flynn.scheduler.io.Lifecycle;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election among schedulers with a Curator {@link LeaderLatch}. The listener is told, on one
 * named thread and in order, when this instance gains and loses leadership (also when the ZooKeeper
 * session is suspended or lost, and on close while leading).
 */
public final class Leadership implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Leadership.class);
  public static final String PATH = "/flynn/scheduler/leader";

  /** Gains and losses alternate; a call may be stale and its opposite then follows. */
  public interface Listener {
    void elected();

    void revoked();
  }

  private final String id;
  private final Lifecycle lifecycle;
  private final LeaderLatch latch;
  private final ExecutorService events;

  public Leadership(CuratorFramework zk, String path, String id, Listener listener) {
    this.id = id;
    this.lifecycle = new Lifecycle("leadership " + id);
    this.latch = new LeaderLatch(zk, path, id, LeaderLatch.CloseMode.NOTIFY_LEADER);
    this.events =
        Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("scheduler-leadership-" + id).factory());
    latch.addListener(adapter(listener), events);
  }

  public void start() {
    lifecycle.start();
    try {
      latch.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot join the scheduler leader election: " + e, e);
    }
    log.info("event=election_joined id={}", id);
  }

  public boolean isLeader() {
    return latch.hasLeadership();
  }

  private LeaderLatchListener adapter(Listener listener) {
    return new LeaderLatchListener() {
      @Override
      public void isLeader() {
        log.info("event=elected id={}", id);
        listener.elected();
      }

      @Override
      public void notLeader() {
        log.info("event=revoked id={}", id);
        listener.revoked();
      }
    };
  }

  /** Leaves the election; a leader is told it lost leadership before this returns. */
  @Override
  public void close() {
    if (!lifecycle.close()) {
      return;
    }
    try {
      latch.close();
    } catch (IOException | IllegalStateException e) {
      log.warn("event=election_leave_failed id={} error=\"{}\"", id, e.getMessage());
    }
    events.shutdown();
    try {
      if (!events.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("event=leadership_listener_stuck id={}", id);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
