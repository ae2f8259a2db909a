package flynn.router.testing;

import flynn.api.router.Route;
import flynn.router.backends.Backend;
import flynn.router.backends.BackendSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Backends set by the test, per service; the first one of a service counts as its leader. */
public final class StaticBackends implements BackendSource {
  private final Map<String, List<Backend>> byService = new ConcurrentHashMap<>();

  public void set(String service, String... addrs) {
    byService.put(
        service,
        java.util.Arrays.stream(addrs).map(a -> new Backend(service, a, "app", null)).toList());
  }

  @Override
  public List<Backend> backends(Route route) {
    List<Backend> all = byService.getOrDefault(route.service(), List.of());
    return route.leader() && !all.isEmpty() ? List.of(all.getFirst()) : all;
  }
}
