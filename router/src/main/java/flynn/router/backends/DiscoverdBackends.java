package flynn.router.backends;

import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.ServiceEvent;
import flynn.api.discoverd.ServiceWatch;
import flynn.api.router.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backends from discoverd: one {@link ServiceWatch} per routed service, opened and closed as the
 * routed services change. Lookups read an immutable per-service snapshot; no polling.
 */
public final class DiscoverdBackends implements BackendSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoverdBackends.class);

  private final DiscoverdClient discoverd;
  private final Map<String, ServiceWatch> watches = new ConcurrentHashMap<>();
  private final Map<String, ServiceBackends> services = new ConcurrentHashMap<>();
  private final List<Consumer<Backend>> leaveListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Backend>> joinListeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public DiscoverdBackends(DiscoverdClient discoverd) {
    this.discoverd = discoverd;
  }

  @Override
  public List<Backend> backends(Route route) {
    ServiceBackends s = services.get(route.service());
    if (s == null) {
      return List.of();
    }
    if (route.leader()) {
      return s.leader() == null ? List.of() : List.of(s.leader());
    }
    return s.all();
  }

  @Override
  public boolean serves(String addr) {
    for (ServiceBackends s : services.values()) {
      for (Backend b : s.byId().values()) {
        if (b.addr().equals(addr)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void onLeave(Consumer<Backend> listener) {
    leaveListeners.add(listener);
  }

  @Override
  public boolean routes(String service) {
    return services.containsKey(service);
  }

  @Override
  public boolean has(String service, String addr) {
    ServiceBackends s = services.get(service);
    return s != null && s.byId().values().stream().anyMatch(b -> b.addr().equals(addr));
  }

  @Override
  public void onJoin(Consumer<Backend> listener) {
    joinListeners.add(listener);
  }

  /** Watches exactly {@code routed}: starts new watches, closes those no route needs. */
  public synchronized void follow(Set<String> routed) {
    if (closed) {
      return;
    }
    for (String service : routed) {
      if (service != null && !watches.containsKey(service)) {
        services.put(service, ServiceBackends.none(service));
        watches.put(service, ServiceWatch.start(discoverd, service, e -> apply(service, e)));
        LOG.info("backends watching service={}", service);
      }
    }
    for (String service : Set.copyOf(watches.keySet())) {
      if (!routed.contains(service)) {
        watches.remove(service).close();
        ServiceBackends gone = services.remove(service);
        if (gone != null) {
          gone.all().forEach(this::left);
        }
        LOG.info("backends unwatched service={}", service);
      }
    }
  }

  private void apply(String service, ServiceEvent event) {
    ServiceBackends before = services.get(service);
    ServiceBackends next =
        services.computeIfPresent(service, (name, current) -> current.apply(event));
    if (before != null && next != null) {
      before.byId().entrySet().stream()
          .filter(e -> !next.byId().containsKey(e.getKey()))
          .forEach(e -> left(e.getValue()));
      next.byId().entrySet().stream()
          .filter(e -> !before.byId().containsKey(e.getKey()))
          .forEach(e -> notify(joinListeners, e.getValue(), "join"));
    }
    if (next != null && !ServiceEvent.CURRENT.equals(event.kind())) {
      LOG.info(
          "backend event service={} kind={} addr={} backends={}",
          service,
          event.kind(),
          event.instance() == null ? "" : event.instance().addr(),
          next.byId().size());
    }
  }

  private void left(Backend backend) {
    notify(leaveListeners, backend, "leave");
  }

  private static void notify(List<Consumer<Backend>> listeners, Backend backend, String change) {
    for (Consumer<Backend> listener : listeners) {
      try {
        listener.accept(backend);
      } catch (RuntimeException e) {
        LOG.warn(
            "backend {} listener failed addr={} error={}", change, backend.addr(), e.toString());
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    watches.values().forEach(ServiceWatch::close);
    watches.clear();
    services.clear();
  }
}
