package flynn.discoverd.dns;

import flynn.api.discoverd.Instance;
import java.util.List;
import java.util.Optional;

/** The services DNS answers for, as a read of the current registry. */
@FunctionalInterface
public interface KnownServices {
  /**
   * The service's instances, oldest (the leader) first; empty when no such service exists, an empty
   * list when it exists without instances.
   */
  Optional<List<Instance>> instances(String service);
}
