package flynn.router.routes;

import static flynn.router.routes.TestRoutes.http;
import static flynn.router.routes.TestRoutes.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.router.Route;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {
  private static final RouteTable TABLE =
      RouteTable.of(
          List.of(
              http("root", "demo.localhost", null, "demo-web"),
              http("api", "demo.localhost", "/api/", "demo-api"),
              http("apiv2", "demo.localhost", "/api/v2", "demo-api2"),
              http("wild", "*.example.com", "/", "wild-web"),
              http("wildsub", "*.eu.example.com", "/", "eu-web"),
              http("exact", "www.example.com", "/", "www-web"),
              http("any", "*", "/", "catch-all"),
              tcp("t1", 3001, "db", true)));

  @ParameterizedTest(name = "{0}{1} -> {2}")
  @CsvSource({
    "demo.localhost, /, root",
    "DEMO.localhost:8080, /index.html, root",
    "demo.localhost., /, root",
    "demo.localhost, /api, api",
    "demo.localhost, /api/users, api",
    "demo.localhost, /apix, root",
    "demo.localhost, /api/v2/x, apiv2",
    "demo.localhost, /api/v23, api",
    "www.example.com, /, exact",
    "shop.example.com, /, wild",
    "a.b.example.com, /, wild",
    "paris.eu.example.com, /, wildsub",
    "example.com, /, any",
    "other.test, /, any",
  })
  void matchesExactHostThenMostSpecificWildcardThenLongestPath(
      String host, String path, String expectedId) {
    assertThat(TABLE.matchHttp(host, path)).map(Route::id).contains(expectedId);
  }

  @Test
  void unknownHostHasNoRouteWithoutCatchAll() {
    RouteTable table = RouteTable.of(List.of(http("root", "demo.localhost", "/", "demo-web")));

    assertThat(table.matchHttp("nope.localhost", "/")).isEmpty();
    assertThat(table.matchHttp(null, "/")).isEmpty();
  }

  @Test
  void subPathOnlyDomainFallsThroughToWildcard() {
    RouteTable table =
        RouteTable.of(
            List.of(
                http("admin", "a.example.com", "/admin", "admin"),
                http("wild", "*.example.com", "/", "wild")));

    assertThat(table.matchHttp("a.example.com", "/admin/x")).map(Route::id).contains("admin");
    assertThat(table.matchHttp("a.example.com", "/shop")).map(Route::id).contains("wild");
  }

  @Test
  void withReplacesByIdAndWithoutRemoves() {
    RouteTable table = RouteTable.empty().with(http("r1", "a.localhost", "/", "one"));
    RouteTable moved = table.with(http("r1", "b.localhost", "/", "one"));

    assertThat(moved.size()).isEqualTo(1);
    assertThat(moved.matchHttp("a.localhost", "/")).isEmpty();
    assertThat(moved.matchHttp("b.localhost", "/")).isPresent();
    assertThat(moved.without(http("r1", null, null, null)).size()).isZero();
    assertThat(table.matchHttp("a.localhost", "/")).isPresent();
  }

  @Test
  void httpAndTcpRoutesWithTheSameIdAreDistinct() {
    RouteTable table =
        RouteTable.empty()
            .with(http("x", "a.localhost", "/", "s"))
            .with(tcp("x", 3000, "s", false));

    assertThat(table.size()).isEqualTo(2);
    assertThat(table.without(tcp("x", 3000, "s", false)).matchHttp("a.localhost", "/")).isPresent();
  }

  @Test
  void tcpRoutesAreFoundByPort() {
    assertThat(TABLE.tcp(3001)).map(Route::service).isEqualTo(Optional.of("db"));
    assertThat(TABLE.tcp(3002)).isEmpty();
    assertThat(TABLE.tcpRoutes()).containsOnlyKeys(3001);
  }

  @Test
  void servicesListsEveryRoutedService() {
    assertThat(TABLE.services())
        .containsExactlyInAnyOrder(
            "demo-web",
            "demo-api",
            "demo-api2",
            "wild-web",
            "eu-web",
            "www-web",
            "catch-all",
            "db");
  }

  @Test
  void routesChangedOneByOneIndexLikeATableBuiltWhole() {
    RouteTable stepwise = RouteTable.empty();
    for (Route r : TABLE.routes()) {
      stepwise = stepwise.with(r);
    }
    stepwise =
        stepwise
            .with(http("api", "demo.localhost", "/api/", "moved-api"))
            .with(http("gone", "gone.localhost", "/", "gone-web"))
            .without(http("gone", null, null, null))
            .with(tcp("t1", 3002, "db", true));

    RouteTable whole =
        RouteTable.of(
            TABLE.routes().stream()
                .map(r -> r.id().equals("api") ? r.withService("moved-api") : r)
                .map(r -> r.id().equals("t1") ? tcp("t1", 3002, "db", true) : r)
                .toList());
    for (String host :
        List.of("demo.localhost", "a.b.example.com", "paris.eu.example.com", "gone.localhost")) {
      for (String path : List.of("/", "/api/x", "/api/v2/y")) {
        assertThat(stepwise.matchHttp(host, path)).isEqualTo(whole.matchHttp(host, path));
      }
    }
    assertThat(stepwise.services()).isEqualTo(whole.services()).doesNotContain("demo-api");
    assertThat(stepwise.tcpRoutes()).isEqualTo(whole.tcpRoutes()).containsOnlyKeys(3002);
    assertThat(stepwise.size()).isEqualTo(whole.size());
  }
}
