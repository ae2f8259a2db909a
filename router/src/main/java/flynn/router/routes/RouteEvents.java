package flynn.router.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import flynn.api.Json;
import flynn.api.controller.Event;
import flynn.api.router.Route;

/**
 * How a controller event changes the route table: {@code route} upserts, {@code route_deletion}
 * removes.
 */
public final class RouteEvents {
  private RouteEvents() {}

  public static RouteTable apply(RouteTable table, Event event) {
    Route route = route(event);
    if (route == null) {
      return table;
    }
    return switch (event.objectType()) {
      case Event.ROUTE -> table.with(route);
      case Event.ROUTE_DELETION -> table.without(route);
      default -> table;
    };
  }

  private static Route route(Event event) {
    if (event.data() == null || event.data().isNull()) {
      return null;
    }
    try {
      Route r = Json.mapper().treeToValue(event.data(), Route.class);
      return r.type() == null || r.id() == null ? null : r;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "route event " + event.id() + " has no valid route: " + e.getOriginalMessage(), e);
    }
  }
}
