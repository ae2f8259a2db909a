package flynn.api.discoverd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link ServiceWatch} knows of a service, and how each streamed event changes it. After a
 * reconnect the server replays {@code up} for every instance before {@code current}; this state
 * turns that replay into only the events the listener missed (Flynn's client does the same).
 *
 * @param known the instances believed up, by id
 * @param replayed ids seen since the last connect, before {@code current}
 * @param current whether the server said the replay is complete
 * @param leader the last leader announced, or null
 */
record WatchState(
    String service,
    Map<String, Instance> known,
    Set<String> replayed,
    boolean current,
    Instance leader) {

  /** The new state and the events to hand to the listener. */
  record Step(WatchState state, List<ServiceEvent> events) {}

  WatchState {
    known = Map.copyOf(known);
    replayed = Set.copyOf(replayed);
  }

  static WatchState initial(String service) {
    return new WatchState(service, Map.of(), Set.of(), false, null);
  }

  /** The stream broke: what is known stays until the next replay proves it gone. */
  WatchState disconnected() {
    return new WatchState(service, known, Set.of(), false, leader);
  }

  List<Instance> instances() {
    return known.values().stream()
        .sorted(Comparator.comparing(WatchState::order).thenComparing(Instance::id))
        .toList();
  }

  Optional<Instance> currentLeader() {
    return Optional.ofNullable(leader);
  }

  Step apply(ServiceEvent event) {
    return switch (event.kind()) {
      case ServiceEvent.UP -> up(event);
      case ServiceEvent.UPDATE ->
          new Step(withInstance(event.instance(), replayed), List.of(event));
      case ServiceEvent.DOWN -> down(event);
      case ServiceEvent.LEADER -> leader(event);
      case ServiceEvent.CURRENT -> current(event);
      default -> new Step(this, List.of(event));
    };
  }

  private Step up(ServiceEvent event) {
    Instance inst = event.instance();
    Set<String> seen = replayed;
    if (!current) {
      seen = new HashSet<>(replayed);
      seen.add(inst.id());
    }
    Instance prev = known.get(inst.id());
    WatchState next = withInstance(inst, seen);
    if (current || prev == null) {
      return new Step(next, List.of(event));
    }
    if (sameContent(prev, inst)) {
      return new Step(next, List.of());
    }
    return new Step(next, List.of(new ServiceEvent(service, ServiceEvent.UPDATE, inst)));
  }

  private Step down(ServiceEvent event) {
    if (!known.containsKey(event.instance().id())) {
      return new Step(this, List.of());
    }
    Map<String, Instance> rest = new HashMap<>(known);
    rest.remove(event.instance().id());
    return new Step(new WatchState(service, rest, replayed, current, leader), List.of(event));
  }

  private Step leader(ServiceEvent event) {
    Instance inst = event.instance();
    boolean repeated = !current && leader != null && inst != null && leader.id().equals(inst.id());
    WatchState next = new WatchState(service, known, replayed, current, inst);
    return new Step(next, repeated ? List.of() : List.of(event));
  }

  private Step current(ServiceEvent event) {
    List<ServiceEvent> events = new ArrayList<>();
    Map<String, Instance> kept = new HashMap<>();
    for (Instance inst : instances()) {
      if (current || replayed.contains(inst.id())) {
        kept.put(inst.id(), inst);
      } else {
        events.add(new ServiceEvent(service, ServiceEvent.DOWN, inst));
      }
    }
    events.add(event);
    return new Step(new WatchState(service, kept, Set.of(), true, leader), events);
  }

  private WatchState withInstance(Instance inst, Set<String> seen) {
    Map<String, Instance> next = new HashMap<>(known);
    next.put(inst.id(), inst);
    return new WatchState(service, next, seen, current, leader);
  }

  private static boolean sameContent(Instance a, Instance b) {
    return Objects.equals(a.addr(), b.addr())
        && Objects.equals(a.proto(), b.proto())
        && Objects.equals(meta(a), meta(b));
  }

  private static Map<String, String> meta(Instance inst) {
    return inst.meta() == null ? Map.of() : inst.meta();
  }

  private static long order(Instance inst) {
    return inst.index() == null ? Long.MAX_VALUE : inst.index();
  }
}
