package flynn.router.backends;

import flynn.api.router.Route;
import java.util.List;
import java.util.function.Consumer;

/** Where the router learns a route's backends: every instance, or only the leader. */
public interface BackendSource {
  /** The route's backends; only the service leader when the route asks for it. */
  List<Backend> backends(Route route);

  /** Whether new requests may go to {@code addr}: some routed service has it as a backend now. */
  default boolean serves(String addr) {
    return false;
  }

  /** Registers {@code listener} for each backend that leaves its service (for draining). */
  default void onLeave(Consumer<Backend> listener) {}

  /** Whether some route uses {@code service}, so its instances become backends. */
  default boolean routes(String service) {
    return false;
  }

  /** Whether {@code addr} is a live backend of {@code service} now. */
  default boolean has(String service, String addr) {
    return false;
  }

  /** Registers {@code listener} for each backend that joins its service (for readiness). */
  default void onJoin(Consumer<Backend> listener) {}
}
