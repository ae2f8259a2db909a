package flynn.discoverd.zk;

import java.util.Optional;

/**
 * discoverd's ZooKeeper layout: {@code /discoverd/services/<service>} holds the service config, its
 * children {@code <instance id>} the registered instances, and {@code /discoverd/expirer} the latch
 * that picks the one server expiring instances. Names are validated before they get here ({@code
 * [a-z0-9-]} services, hex ids), so they are safe path segments.
 */
public final class ZkPaths {
  public static final String ROOT = "/discoverd";
  public static final String SERVICES = ROOT + "/services";
  public static final String EXPIRER = ROOT + "/expirer";

  /** A node of the services tree: a service, or one of its instances when {@code id} is set. */
  public record Node(String service, String id) {
    public boolean isInstance() {
      return id != null;
    }
  }

  private ZkPaths() {}

  public static String service(String service) {
    return SERVICES + "/" + service;
  }

  public static String instance(String service, String id) {
    return service(service) + "/" + id;
  }

  /** The node a path names, empty for the services root itself or paths outside it. */
  public static Optional<Node> parse(String path) {
    if (!path.startsWith(SERVICES + "/")) {
      return Optional.empty();
    }
    String[] parts = path.substring(SERVICES.length() + 1).split("/");
    return switch (parts.length) {
      case 1 -> Optional.of(new Node(parts[0], null));
      case 2 -> Optional.of(new Node(parts[0], parts[1]));
      default -> Optional.empty();
    };
  }
}
