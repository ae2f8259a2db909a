package flynn.router.backends;

import flynn.api.router.Route;
import java.util.List;

/** Where the router learns a route's backends: every instance, or only the leader. */
public interface BackendSource {
  /** The route's backends; only the service leader when the route asks for it. */
  List<Backend> backends(Route route);
}
