package flynn.discoverd.registry;

import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The registered instances of one service and the events each change causes. The leader is the
 * oldest instance (lowest index), Flynn's {@code oldest} leader type; a change of leader is an
 * event of its own, after the instance event that caused it.
 */
record ServiceState(String service, Map<String, Instance> instances) {
  /** The state after a change and the events it caused, in order. */
  record Change(ServiceState state, List<ServiceEvent> events) {}

  ServiceState {
    instances = Map.copyOf(instances);
  }

  static ServiceState empty(String service) {
    return new ServiceState(service, Map.of());
  }

  List<Instance> sorted() {
    return instances.values().stream().sorted(Comparator.comparing(Instance::index)).toList();
  }

  Optional<Instance> leader() {
    return instances.values().stream().min(Comparator.comparing(Instance::index));
  }

  /** {@code up} for a new instance, {@code update} if its address or metadata changed. */
  Change put(Instance inst) {
    Instance prev = instances.get(inst.id());
    if (prev != null && sameContent(prev, inst)) {
      return new Change(this, List.of());
    }
    Map<String, Instance> next = new HashMap<>(instances);
    next.put(inst.id(), inst);
    String kind = prev == null ? ServiceEvent.UP : ServiceEvent.UPDATE;
    return withLeaderEvent(new ServiceState(service, next), event(kind, inst));
  }

  Change remove(String id) {
    Instance gone = instances.get(id);
    if (gone == null) {
      return new Change(this, List.of());
    }
    Map<String, Instance> next = new HashMap<>(instances);
    next.remove(id);
    return withLeaderEvent(new ServiceState(service, next), event(ServiceEvent.DOWN, gone));
  }

  /** The service was deleted: every instance goes down, oldest first, then the leader. */
  Change removeAll() {
    List<ServiceEvent> events = new ArrayList<>();
    sorted().forEach(i -> events.add(event(ServiceEvent.DOWN, i)));
    if (!instances.isEmpty()) {
      events.add(event(ServiceEvent.LEADER, null));
    }
    return new Change(empty(service), events);
  }

  /** What a new subscriber is told first: {@code up} per instance, the leader, {@code current}. */
  List<ServiceEvent> replay() {
    List<ServiceEvent> events = new ArrayList<>();
    sorted().forEach(i -> events.add(event(ServiceEvent.UP, i)));
    leader().ifPresent(l -> events.add(event(ServiceEvent.LEADER, l)));
    events.add(event(ServiceEvent.CURRENT, null));
    return events;
  }

  private Change withLeaderEvent(ServiceState next, ServiceEvent cause) {
    Optional<Instance> before = leader();
    Optional<Instance> after = next.leader();
    if (Objects.equals(before.map(Instance::id), after.map(Instance::id))) {
      return new Change(next, List.of(cause));
    }
    return new Change(next, List.of(cause, event(ServiceEvent.LEADER, after.orElse(null))));
  }

  private ServiceEvent event(String kind, Instance inst) {
    return new ServiceEvent(service, kind, inst);
  }

  private static boolean sameContent(Instance a, Instance b) {
    return Objects.equals(a.addr(), b.addr())
        && Objects.equals(a.proto(), b.proto())
        && Objects.equals(meta(a), meta(b));
  }

  private static Map<String, String> meta(Instance inst) {
    return inst.meta() == null ? Map.of() : inst.meta();
  }
}
