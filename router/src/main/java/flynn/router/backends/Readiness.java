package flynn.router.backends;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Backend readiness: tells who waits when an address becomes a live backend of a service, so a host
 * reports a job up only once this router sends it requests. Waiting is never done on an event loop.
 */
public final class Readiness {
  private final BackendSource source;
  private final Map<Key, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

  private record Key(String service, String addr) {}

  public Readiness(BackendSource source) {
    this.source = source;
    source.onJoin(b -> settle(new Key(b.service(), b.addr())));
  }

  /** Whether some route uses {@code service}; if none does, its instances never become ready. */
  public boolean routes(String service) {
    return source.routes(service);
  }

  /**
   * Completes once {@code addr} is a live backend of {@code service} (at once when it is now). The
   * caller bounds the wait; a future that ends otherwise is forgotten.
   */
  public CompletableFuture<Void> ready(String service, String addr) {
    Key key = new Key(service, addr);
    CompletableFuture<Void> f = new CompletableFuture<>();
    waiters.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(f);
    f.whenComplete((ok, e) -> forget(key, f));
    if (source.has(service, addr)) {
      f.complete(null);
    }
    return f;
  }

  private void settle(Key key) {
    List<CompletableFuture<Void>> waiting = waiters.get(key);
    if (waiting != null) {
      waiting.forEach(f -> f.complete(null));
    }
  }

  private void forget(Key key, CompletableFuture<Void> f) {
    waiters.computeIfPresent(
        key,
        (k, list) -> {
          list.remove(f);
          return list.isEmpty() ? null : list;
        });
  }
}
