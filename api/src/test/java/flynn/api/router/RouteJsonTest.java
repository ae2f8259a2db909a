package flynn.api.router;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.Json;
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
}
