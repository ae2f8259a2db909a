package flynn.discoverd.dns;

import java.util.List;

/**
 * What a name under the discoverd domain asks for, after Flynn's scheme (labels below the domain,
 * lower case):
 *
 * <ul>
 *   <li>{@code <service>}: every instance;
 *   <li>{@code _<service>._<proto>}: every instance of that protocol (RFC 2782 SRV names);
 *   <li>{@code leader.<service>}: the leader;
 *   <li>{@code <id>.<service>._i}: one instance, the target of the SRV records.
 * </ul>
 */
sealed interface DiscoverdName {
  record Service(String service, String proto) implements DiscoverdName {}

  record Leader(String service) implements DiscoverdName {}

  record InstanceById(String service, String id) implements DiscoverdName {}

  record Unknown() implements DiscoverdName {}

  /** The meaning of the labels below the domain, e.g. {@code ["leader", "postgres"]}. */
  static DiscoverdName parse(List<String> labels) {
    if (labels.size() == 1) {
      return new Service(labels.get(0), null);
    }
    if (labels.size() == 2 && isUnderscored(labels.get(0)) && isUnderscored(labels.get(1))) {
      return new Service(labels.get(0).substring(1), labels.get(1).substring(1));
    }
    if (labels.size() == 2 && labels.get(0).equals("leader")) {
      return new Leader(labels.get(1));
    }
    if (labels.size() == 3 && labels.get(2).equals("_i")) {
      return new InstanceById(labels.get(1), labels.get(0));
    }
    return new Unknown();
  }

  private static boolean isUnderscored(String label) {
    return label.length() > 1 && label.startsWith("_");
  }
}
