package flynn.router.backends;

import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service's instances as the router uses them: all of them by id, and the leader. */
public record ServiceBackends(String service, Map<String, Backend> byId, Backend leader) {

  public ServiceBackends {
    byId = Map.copyOf(byId);
  }

  public static ServiceBackends none(String service) {
    return new ServiceBackends(service, Map.of(), null);
  }

  public List<Backend> all() {
    return List.copyOf(byId.values());
  }

  /** The state after one discoverd watch event. */
  public ServiceBackends apply(ServiceEvent event) {
    Instance inst = event.instance();
    return switch (event.kind()) {
      case ServiceEvent.UP, ServiceEvent.UPDATE -> withInstance(inst);
      case ServiceEvent.DOWN -> withoutInstance(inst);
      case ServiceEvent.LEADER ->
          new ServiceBackends(service, byId, inst == null ? null : backend(inst));
      default -> this;
    };
  }

  private ServiceBackends withInstance(Instance inst) {
    Map<String, Backend> next = new LinkedHashMap<>(byId);
    next.put(inst.id(), backend(inst));
    return new ServiceBackends(service, next, leader);
  }

  private ServiceBackends withoutInstance(Instance inst) {
    Map<String, Backend> next = new LinkedHashMap<>(byId);
    next.remove(inst.id());
    boolean leaderGone = leader != null && leader.addr().equals(backend(inst).addr());
    return new ServiceBackends(service, next, leaderGone ? null : leader);
  }

  private Backend backend(Instance inst) {
    Map<String, String> meta = inst.meta() == null ? Map.of() : inst.meta();
    return new Backend(service, inst.addr(), meta.get("FLYNN_APP_NAME"), meta.get("FLYNN_JOB_ID"));
  }
}
