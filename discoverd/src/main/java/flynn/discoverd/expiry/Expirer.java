package flynn.discoverd.expiry;

import flynn.api.discoverd.Instance;
import flynn.discoverd.zk.InstanceObserver;
import flynn.discoverd.zk.ServiceStore;
import flynn.discoverd.zk.ZkPaths;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes instances that stopped heartbeating. Every server watches heartbeats (as znode writes);
 * one of them, elected with a {@link LeaderLatch}, deletes an instance whose last write is older
 * than the TTL. The delete names the version it saw, so a heartbeat that lands meanwhile wins.
 */
public final class Expirer implements InstanceObserver, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Expirer.class);

  private record Key(String service, String id) {}

  private final ServiceStore store;
  private final LeaderLatch latch;
  private final Duration ttl;
  private final Duration sweepInterval;
  private final LongSupplier nanoTime;
  private final ConcurrentMap<Key, Sighting> sightings = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;
  private volatile Long leaderSince;

  /**
   * @param participantId this server's name in the election (its URL)
   * @param nanoTime a monotonic clock, {@code System::nanoTime} outside tests
   */
  public Expirer(
      CuratorFramework curator,
      ServiceStore store,
      String participantId,
      Duration ttl,
      Duration sweepInterval,
      LongSupplier nanoTime) {
    this.store = store;
    this.ttl = ttl;
    this.sweepInterval = sweepInterval;
    this.nanoTime = nanoTime;
    this.latch = new LeaderLatch(curator, ZkPaths.EXPIRER, participantId);
    this.thread = Thread.ofVirtual().name("discoverd-expirer").unstarted(this::run);
  }

  public void start() {
    latch.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            leaderSince = nanoTime.getAsLong();
            LOG.info("discoverd expirer elected ttl={}", ttl);
          }

          @Override
          public void notLeader() {
            leaderSince = null;
            LOG.info("discoverd expirer lost election");
          }
        });
    try {
      latch.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot join the discoverd expirer election: " + e, e);
    }
    thread.start();
  }

  @Override
  public void instancePut(String service, Instance instance, int version) {
    sightings.put(
        new Key(service, instance.id()),
        new Sighting(service, instance.id(), instance.addr(), version, nanoTime.getAsLong()));
  }

  @Override
  public void instanceRemoved(String service, String id) {
    sightings.remove(new Key(service, id));
  }

  @Override
  public void serviceRemoved(String service) {
    sightings.keySet().removeIf(k -> k.service().equals(service));
  }

  private void run() {
    String why = "closed";
    try {
      while (!closed.get()) {
        Thread.sleep(sweepInterval);
        sweepIfLeader();
      }
    } catch (InterruptedException e) {
      why = closed.get() ? "closed" : "interrupted";
    } catch (RuntimeException e) {
      why = e.toString();
      LOG.error("discoverd expirer died", e);
    }
    LOG.info("discoverd expirer stopped reason={}", why);
  }

  private void sweepIfLeader() {
    Long since = leaderSince;
    if (since == null || !latch.hasLeadership()) {
      return;
    }
    for (Sighting s : Expiry.due(sightings.values(), since, nanoTime.getAsLong(), ttl)) {
      try {
        if (store.expire(s.service(), s.id(), s.version())) {
          LOG.info("instance expired service={} id={} addr={}", s.service(), s.id(), s.addr());
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot expire service={} id={} error={}", s.service(), s.id(), e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    thread.interrupt();
    try {
      latch.close();
    } catch (IOException | IllegalStateException e) {
      LOG.warn("closing the discoverd expirer election failed error={}", e.getMessage());
    }
  }
}
