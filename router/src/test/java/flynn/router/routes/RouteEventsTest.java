package flynn.router.routes;

import static flynn.router.routes.TestRoutes.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.Json;
import flynn.api.controller.Event;
import flynn.api.router.Route;
import org.junit.jupiter.api.Test;

class RouteEventsTest {
  @Test
  void aRouteEventAddsOrReplacesAndADeletionRemoves() {
    Route r = http("r1", "demo.localhost", "/", "demo-web");
    Route moved = http("r1", "other.localhost", "/", "demo-web");

    RouteTable added = RouteEvents.apply(RouteTable.empty(), event(1, Event.ROUTE, r));
    RouteTable updated = RouteEvents.apply(added, event(2, Event.ROUTE, moved));
    RouteTable deleted = RouteEvents.apply(updated, event(3, Event.ROUTE_DELETION, moved));

    assertThat(added.matchHttp("demo.localhost", "/")).contains(r);
    assertThat(updated.matchHttp("demo.localhost", "/")).isEmpty();
    assertThat(updated.matchHttp("other.localhost", "/")).contains(moved);
    assertThat(deleted.size()).isZero();
  }

  @Test
  void otherEventTypesAndEmptyDataChangeNothing() {
    RouteTable table = RouteTable.of(java.util.List.of(http("r1", "a.localhost", "/", "s")));

    assertThat(RouteEvents.apply(table, event(1, Event.APP, http("r2", "b", "/", "s"))))
        .isSameAs(table);
    assertThat(RouteEvents.apply(table, new Event(2L, null, Event.ROUTE, "r2", null, null)))
        .isSameAs(table);
  }

  @Test
  void dataThatIsNoRouteIsRejectedWithTheEventId() {
    Event bad =
        new Event(9L, null, Event.ROUTE, "x", Json.mapper().valueToTree("not a route"), null);

    assertThatThrownBy(() -> RouteEvents.apply(RouteTable.empty(), bad))
        .hasMessageContaining("route event 9");
  }

  private static Event event(long id, String type, Route r) {
    return new Event(id, null, type, r.id(), Json.mapper().valueToTree(r), null);
  }
}
