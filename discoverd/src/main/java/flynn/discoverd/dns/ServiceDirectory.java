package flynn.discoverd.dns;

import flynn.api.discoverd.Instance;
import flynn.discoverd.zk.InstanceObserver;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every service and its instances, kept current by the ZooKeeper feed (watches, no lookups per
 * query), for DNS to read from many threads. Unlike the event registry it remembers services with
 * no instances, which DNS answers with an empty answer instead of NXDOMAIN.
 */
public final class ServiceDirectory implements InstanceObserver, KnownServices {
  private final Map<String, Map<String, Instance>> services = new ConcurrentHashMap<>();

  @Override
  public void serviceAdded(String service) {
    services.putIfAbsent(service, Map.of());
  }

  @Override
  public void serviceRemoved(String service) {
    services.remove(service);
  }

  @Override
  public void instancePut(String service, Instance instance, int version) {
    services.compute(service, (s, before) -> with(before, instance));
  }

  @Override
  public void instanceRemoved(String service, String id) {
    services.computeIfPresent(service, (s, before) -> without(before, id));
  }

  @Override
  public Optional<List<Instance>> instances(String service) {
    return Optional.ofNullable(services.get(service))
        .map(m -> m.values().stream().sorted(Comparator.comparing(Instance::index)).toList());
  }

  private static Map<String, Instance> with(Map<String, Instance> before, Instance instance) {
    Map<String, Instance> next = before == null ? new HashMap<>() : new HashMap<>(before);
    next.put(instance.id(), instance);
    return Map.copyOf(next);
  }

  private static Map<String, Instance> without(Map<String, Instance> before, String id) {
    Map<String, Instance> next = new HashMap<>(before);
    next.remove(id);
    return Map.copyOf(next);
  }
}
