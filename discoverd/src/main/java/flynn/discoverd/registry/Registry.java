package flynn.discoverd.registry;

import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceEvent;
import flynn.discoverd.zk.InstanceObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * This server's view of every service, fed by ZooKeeper in order, and the followers of each
 * service's events. A new follower gets a replay and every later event under one lock, so it never
 * misses or repeats a change.
 */
public final class Registry implements InstanceObserver, AutoCloseable {
  /** Every kind a service stream carries. */
  public static final Set<String> ALL_KINDS =
      Set.of(
          ServiceEvent.UP,
          ServiceEvent.UPDATE,
          ServiceEvent.DOWN,
          ServiceEvent.LEADER,
          ServiceEvent.CURRENT);

  /** A leader stream: the leader now (if any), then every change of leader. */
  public static final Set<String> LEADER_KINDS = Set.of(ServiceEvent.LEADER);

  /** Flynn's discoverd buffers 64 events per follower. */
  private static final int BACKLOG = 64;

  private final Map<String, ServiceState> services = new HashMap<>();
  private final Map<String, List<Subscription>> followers = new HashMap<>();
  private boolean closed;

  @Override
  public synchronized void instancePut(String service, Instance instance, int version) {
    apply(service, s -> s.put(instance));
  }

  @Override
  public synchronized void instanceRemoved(String service, String id) {
    apply(service, s -> s.remove(id));
  }

  @Override
  public synchronized void serviceRemoved(String service) {
    apply(service, ServiceState::removeAll);
  }

  /**
   * Follows a service (which need not exist yet): the replay of its current state, then changes.
   */
  public synchronized Subscription subscribe(String service, Set<String> kinds) {
    ServiceState state = services.getOrDefault(service, ServiceState.empty(service));
    List<ServiceEvent> replay = state.replay();
    Subscription sub = new Subscription(service, kinds, BACKLOG + replay.size(), this);
    if (closed) {
      sub.end("discoverd is shutting down");
      return sub;
    }
    sub.deliver(replay);
    followers.computeIfAbsent(service, s -> new ArrayList<>()).add(sub);
    return sub;
  }

  synchronized void unsubscribe(Subscription sub) {
    List<Subscription> subs = followers.get(sub.service());
    if (subs != null && subs.remove(sub) && subs.isEmpty()) {
      followers.remove(sub.service());
    }
    sub.end("closed");
  }

  /** Ends every stream. */
  @Override
  public synchronized void close() {
    closed = true;
    followers.values().forEach(subs -> subs.forEach(s -> s.end("discoverd is shutting down")));
    followers.clear();
  }

  private void apply(String service, Function<ServiceState, ServiceState.Change> change) {
    ServiceState.Change c =
        change.apply(services.getOrDefault(service, ServiceState.empty(service)));
    if (c.state().instances().isEmpty()) {
      services.remove(service);
    } else {
      services.put(service, c.state());
    }
    List<Subscription> subs = followers.get(service);
    if (subs != null && !c.events().isEmpty()) {
      subs.removeIf(sub -> !sub.deliver(c.events()));
    }
    notifyAll();
  }

  /**
   * Waits until an instance (or, with a null id, every instance of the service) is gone from this
   * view, so a client that deregistered through this server no longer sees it in new streams.
   *
   * @return false if it was still there after {@code timeout}
   */
  public synchronized boolean awaitGone(String service, String id, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (present(service, id)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private boolean present(String service, String id) {
    ServiceState s = services.get(service);
    return s != null && (id == null || s.instances().containsKey(id));
  }
}
