package flynn.router.backends;

import flynn.api.router.Route;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection draining: counts the requests (and upgraded and TCP connections) in flight to each
 * backend address on routes that drain, and tells who waits when a backend that left its service
 * has none left. A backend is drained when no routed service has it and nothing is in flight to it,
 * so an address the router never knew is drained at once. Counting only locks the address's map
 * bin; waiting is never done on an event loop.
 */
public final class Drains implements RequestObserver {
  private static final Logger LOG = LoggerFactory.getLogger(Drains.class);

  private final BackendSource source;
  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Backend> leaving = new ConcurrentHashMap<>();
  private final Map<String, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
  private final List<Consumer<DrainEvent>> listeners = new CopyOnWriteArrayList<>();

  /** A backend left its service ({@code DOWN}), or has nothing in flight after that. */
  public record DrainEvent(Kind kind, Backend backend) {
    public enum Kind {
      DOWN,
      DRAINED
    }
  }

  public Drains(BackendSource source) {
    this.source = source;
    source.onLeave(this::left);
  }

  @Override
  public void started(Route route, Backend backend) {
    if (route != null && route.drains()) {
      inFlight.merge(backend.addr(), 1, Integer::sum);
    }
  }

  @Override
  public void completed(Completed c) {
    if (c.backend() == null || c.route() == null || !c.route().drains()) {
      return;
    }
    String addr = c.backend().addr();
    Integer left = inFlight.computeIfPresent(addr, (a, n) -> n == 1 ? null : n - 1);
    // only a backend that left or that someone waits for can become drained: the hot path skips
    // the check of every routed service
    if (left == null && (leaving.containsKey(addr) || waiters.containsKey(addr))) {
      settle(addr);
    }
  }

  /** Requests in flight to {@code addr} on routes that drain. */
  public int inFlight(String addr) {
    return inFlight.getOrDefault(addr, 0);
  }

  /** Whether no new request goes to {@code addr} and none is in flight to it. */
  public boolean isDrained(String addr) {
    return !source.serves(addr) && !inFlight.containsKey(addr);
  }

  /**
   * Completes once {@code addr} is drained (at once when it is now). The caller bounds the wait,
   * e.g. with {@code orTimeout}; a future that ends otherwise is forgotten.
   */
  public CompletableFuture<Void> drained(String addr) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    waiters.computeIfAbsent(addr, a -> new CopyOnWriteArrayList<>()).add(f);
    f.whenComplete((ok, e) -> forget(addr, f));
    if (isDrained(addr)) {
      f.complete(null);
    }
    return f;
  }

  /** A subscription to drain events; closing it ends it. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** Tells {@code listener} of every event from now on, until the returned handle is closed. */
  public Subscription subscribe(Consumer<DrainEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void left(Backend backend) {
    LOG.info(
        "backend event=down service={} addr={} job={} in_flight={}",
        backend.service(),
        backend.addr(),
        backend.jobId(),
        inFlight(backend.addr()));
    leaving.put(backend.addr(), backend);
    publish(new DrainEvent(DrainEvent.Kind.DOWN, backend));
    settle(backend.addr());
  }

  /** Reports {@code addr} drained to its waiters if it is now. */
  private void settle(String addr) {
    if (!isDrained(addr)) {
      return;
    }
    Backend b = leaving.remove(addr);
    if (b != null) {
      LOG.info("backend event=drained service={} addr={} job={}", b.service(), addr, b.jobId());
      publish(new DrainEvent(DrainEvent.Kind.DRAINED, b));
    }
    List<CompletableFuture<Void>> waiting = waiters.get(addr);
    if (waiting != null) {
      waiting.forEach(f -> f.complete(null));
    }
  }

  private void publish(DrainEvent event) {
    for (Consumer<DrainEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("drain listener failed event={} error={}", event.kind(), e.toString());
      }
    }
  }

  private void forget(String addr, CompletableFuture<Void> f) {
    waiters.computeIfPresent(
        addr,
        (a, list) -> {
          list.remove(f);
          return list.isEmpty() ? null : list;
        });
  }
}
