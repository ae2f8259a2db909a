package flynn.router.testing;

import flynn.api.router.Route;
import flynn.router.backends.Backend;
import flynn.router.backends.BackendSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Backends set by the test, per service; the first one of a service counts as its leader. A backend
 * a later {@link #set} leaves out has left its service, one it adds has joined.
 */
public final class StaticBackends implements BackendSource {
  private final Map<String, List<Backend>> byService = new ConcurrentHashMap<>();
  private final List<Consumer<Backend>> leaveListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Backend>> joinListeners = new CopyOnWriteArrayList<>();

  public void set(String service, String... addrs) {
    List<Backend> next =
        java.util.Arrays.stream(addrs).map(a -> new Backend(service, a, "app", null)).toList();
    List<Backend> before = byService.put(service, next);
    if (before != null) {
      before.stream()
          .filter(b -> !next.contains(b))
          .forEach(b -> leaveListeners.forEach(l -> l.accept(b)));
    }
    List<Backend> old = before == null ? List.of() : before;
    next.stream()
        .filter(b -> !old.contains(b))
        .forEach(b -> joinListeners.forEach(l -> l.accept(b)));
  }

  @Override
  public List<Backend> backends(Route route) {
    List<Backend> all = byService.getOrDefault(route.service(), List.of());
    return route.leader() && !all.isEmpty() ? List.of(all.getFirst()) : all;
  }

  @Override
  public boolean serves(String addr) {
    return byService.values().stream().flatMap(List::stream).anyMatch(b -> b.addr().equals(addr));
  }

  @Override
  public void onLeave(Consumer<Backend> listener) {
    leaveListeners.add(listener);
  }

  /** A service counts as routed once the test has {@link #set} it, even to no backends. */
  @Override
  public boolean routes(String service) {
    return byService.containsKey(service);
  }

  @Override
  public boolean has(String service, String addr) {
    return byService.getOrDefault(service, List.of()).stream().anyMatch(b -> b.addr().equals(addr));
  }

  @Override
  public void onJoin(Consumer<Backend> listener) {
    joinListeners.add(listener);
  }
}
