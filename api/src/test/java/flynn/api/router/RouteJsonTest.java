package flynn.api.router;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.Json;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RouteJsonTest {
  @Test
  void routeWithoutLeaderReadsAsNotLeader() {
    Route route = Json.read("{\"type\":\"tcp\",\"service\":\"db\"}", Route.class);

    assertThat(route.leader()).isFalse();
    assertThat(route.port()).isNull();
  }

  @Test
  void leaderAndServiceAreAlwaysWritten() {
    String json = Json.write(Json.read("{\"type\":\"tcp\"}", Route.class));

    assertThat(json).contains("\"leader\":false").contains("\"service\":null");
  }

  @Test
  void httpRouteWritesOnlyTheFieldsItWasGiven() {
    Route route = Route.http("example.com", "/api/", "web").withId("r1").withSticky(true);

    assertThat(Json.write(route))
        .isEqualTo(
            "{\"type\":\"http\",\"id\":\"r1\",\"service\":\"web\",\"leader\":false,"
                + "\"domain\":\"example.com\",\"sticky\":true,\"path\":\"/api/\"}");
  }

  @Test
  void tcpRouteWritesItsPort() {
    assertThat(Json.write(Route.tcp(3000, "db").withLeader(true)))
        .isEqualTo("{\"type\":\"tcp\",\"service\":\"db\",\"port\":3000,\"leader\":true}");
  }

  @Test
  void eachWitherSetsItsOwnField() {
    OffsetDateTime created = OffsetDateTime.parse("2026-01-02T03:04:05Z");
    OffsetDateTime updated = created.plusHours(1);
    Certificate cert = Certificate.of("chain", "key");

    Route built =
        Route.of(Route.HTTP, "web")
            .withId("r1")
            .withParentRef(Route.appRef("a1"))
            .withPort(80)
            .withLeader(true)
            .withTimes(created, updated)
            .withCertificate(cert)
            .withLegacyTls("old-chain", "old-key")
            .withSticky(true)
            .withDrainBackends(false)
            .withDisableKeepAlives(true)
            .withHttpsRedirect(true)
            .withService("api");

    assertThat(built)
        .isEqualTo(
            new Route(
                Route.HTTP,
                "r1",
                "controller/apps/a1",
                "api",
                80,
                true,
                created,
                updated,
                null,
                cert,
                "old-chain",
                "old-key",
                true,
                null,
                false,
                true,
                true));
  }
}
