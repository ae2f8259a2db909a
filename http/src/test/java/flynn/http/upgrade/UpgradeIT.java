package flynn.http.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.http.ApiException;
import flynn.api.http.JsonHttp;
import flynn.api.http.UpgradedConnection;
import flynn.http.ApiServer;
import flynn.http.Responses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UpgradeIT {
  record Greeting(String name) {}

  private static ApiServer server;

  @BeforeAll
  static void start() {
    UpgradeHandler echo =
        upgrade -> {
          Greeting greeting = upgrade.body(Greeting.class);
          if (greeting.name() == null) {
            throw ApiException.validation("name", "must be set");
          }
          Upgrade.Streams streams = upgrade.switchProtocols();
          String hello = "hello " + greeting.name() + " in " + upgrade.pathParam("id") + "\n";
          streams.out().write(hello.getBytes(StandardCharsets.UTF_8));
          streams.in().transferTo(streams.out()); // echo until the client closes its side
        };
    server =
        ApiServer.start(
            "127.0.0.1",
            0,
            "sekret",
            Set.of(),
            r ->
                r.post(
                    "/rooms/{id}/talk", (req, res) -> Responses.json(res, Map.of("plain", true))),
            List.of(new UpgradeRoute("POST", "/rooms/{id}/talk", "echo/1", echo)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonHttp client(String key) {
    return new JsonHttp("http://127.0.0.1:" + server.port(), key);
  }

  @Test
  void anUpgradeWithABodyTakesTheConnectionOverBothWays() throws IOException {
    try (UpgradedConnection conn =
        client("sekret").upgrade("/rooms/r1/talk", new Greeting("ann"), "echo/1")) {
      conn.output().write("ping".getBytes(StandardCharsets.UTF_8));
      conn.closeOutput();

      String received = new String(conn.input().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(received).isEqualTo("hello ann in r1\nping");
    }
  }

  @Test
  void aPlainRequestToTheSamePathReachesTheRouting() {
    Map<?, ?> answer = client("sekret").post("/rooms/r1/talk", new Greeting("bob"), Map.class);

    assertThat(answer.get("plain")).isEqualTo(true);
  }

  @Test
  void anErrorBeforeTheSwitchIsFlynnsJsonError() {
    assertThatThrownBy(() -> client("sekret").upgrade("/rooms/r1/talk", Map.of(), "echo/1"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.error().field()).isEqualTo("name");
            });
  }

  @Test
  void aWrongKeyIsRefusedBeforeTheHandlerRuns() {
    assertThatThrownBy(
            () -> client("wrong").upgrade("/rooms/r1/talk", new Greeting("eve"), "echo/1"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
  }
}
