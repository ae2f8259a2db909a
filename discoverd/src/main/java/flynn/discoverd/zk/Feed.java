package flynn.discoverd.zk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the services tree with a {@link CuratorCache} (ZooKeeper watches, no polling) and tells
 * the observers of each instance change. Every discoverd server runs one, so all of them see the
 * same changes in the same order.
 */
public final class Feed implements CuratorCacheListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Feed.class);

  private final CuratorCache cache;
  private final List<InstanceObserver> observers;
  private final CountDownLatch initialized = new CountDownLatch(1);
  private long appliedZxid;

  public Feed(CuratorFramework curator, List<InstanceObserver> observers) {
    this.observers = List.copyOf(observers);
    this.cache = CuratorCache.build(curator, ZkPaths.SERVICES);
    cache.listenable().addListener(this);
  }

  /** Starts the cache and waits until it has loaded what is already registered. */
  public void start(Duration timeout) {
    cache.start();
    try {
      if (!initialized.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "discoverd could not load the registry from zookeeper within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the registry", e);
    }
  }

  @Override
  public void event(Type type, ChildData oldData, ChildData data) {
    ChildData node = type == Type.NODE_DELETED ? oldData : data;
    ZkPaths.parse(node.getPath()).ifPresent(n -> dispatch(type, n, node));
  }

  @Override
  public void initialized() {
    initialized.countDown();
  }

  private void dispatch(Type type, ZkPaths.Node node, ChildData data) {
    if (!node.isInstance()) {
      if (type == Type.NODE_DELETED) {
        observers.forEach(o -> o.serviceRemoved(node.service()));
      } else {
        observers.forEach(o -> o.serviceAdded(node.service()));
      }
      return;
    }
    if (type == Type.NODE_DELETED) {
      observers.forEach(o -> o.instanceRemoved(node.service(), node.id()));
      return;
    }
    try {
      var inst = StoredInstance.decode(data.getData(), data.getStat());
      observers.forEach(o -> o.instancePut(node.service(), inst, data.getStat().getVersion()));
    } catch (RuntimeException e) {
      LOG.warn("ignoring unreadable instance path={} error={}", data.getPath(), e.getMessage());
    }
    applied(data.getStat().getMzxid());
  }

  private synchronized void applied(long zxid) {
    if (zxid > appliedZxid) {
      appliedZxid = zxid;
      notifyAll();
    }
  }

  /**
   * Waits until the observers have been told of the write with this zxid, so a client that
   * registered through this server sees its instance in the streams it opens next.
   *
   * @return false if that did not happen within {@code timeout}
   */
  public synchronized boolean awaitApplied(long zxid, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (appliedZxid < zxid) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  @Override
  public void close() {
    cache.close();
  }
}
