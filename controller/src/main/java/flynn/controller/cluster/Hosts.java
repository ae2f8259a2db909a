package flynn.controller.cluster;

import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Instance;
import flynn.api.host.HostClient;
import flynn.api.http.ApiException;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The cluster's hosts, as registered in discoverd (service {@code flynn-host}, meta {@code id},
 * addr the host API's {@code host:port}). Every failure to find one is a 503 that says why.
 */
public final class Hosts {
  public static final String SERVICE = "flynn-host";

  /** One host: its id and a client for its API. */
  public record Host(String id, HostClient client) {}

  private final DiscoverdClient discoverd;
  private final String key;
  private final RandomGenerator random;

  /**
   * @param discoverd null when the controller runs without discoverd: no hosts then
   */
  public Hosts(DiscoverdClient discoverd, String key, RandomGenerator random) {
    this.discoverd = discoverd;
    this.key = key;
    this.random = random;
  }

  /** Every registered host; a 503 when there is none or discoverd cannot be asked. */
  public List<Host> all() {
    if (discoverd == null) {
      throw ApiException.unavailable("no hosts available: no discoverd configured");
    }
    List<Instance> instances;
    try {
      instances = discoverd.instances(SERVICE);
    } catch (ApiException e) {
      throw ApiException.unavailable("no hosts available: discoverd: " + e.getMessage());
    }
    List<Host> hosts =
        instances.stream()
            .filter(i -> i.meta() != null && i.meta().get("id") != null && i.addr() != null)
            .map(i -> new Host(i.meta().get("id"), new HostClient("http://" + i.addr(), key)))
            .toList();
    if (hosts.isEmpty()) {
      throw ApiException.unavailable("no hosts available: none registered in discoverd");
    }
    return hosts;
  }

  public Host any() {
    List<Host> hosts = all();
    return hosts.get(random.nextInt(hosts.size()));
  }

  public Host byId(String hostId) {
    return all().stream()
        .filter(h -> h.id().equals(hostId))
        .findFirst()
        .orElseThrow(() -> ApiException.unavailable("host " + hostId + " is not available"));
  }
}
