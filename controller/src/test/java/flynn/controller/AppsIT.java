package flynn.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.App;
import flynn.api.controller.Event;
import flynn.api.http.ApiException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppsIT extends ControllerTestBase {

  @Test
  void createdAppIsFoundByIdAndByName() {
    App created = client.apps().create(App.named("demo"));

    assertThat(created.id()).isNotBlank();
    assertThat(created.strategy()).isEqualTo("all-at-once");
    assertThat(created.deployTimeout()).isEqualTo(120);
    assertThat(client.apps().get("demo").id()).isEqualTo(created.id());
    assertThat(client.apps().get(created.id()).name()).isEqualTo("demo");
    assertThat(client.apps().list()).extracting(App::name).containsExactly("demo");
  }

  @Test
  void appWithoutNameGetsAValidRandomName() {
    App created = client.apps().create(App.named(null));

    assertThat(created.name()).matches(App.NAME_PATTERN);
  }

  @Test
  void givenIdIsKeptAndMustBeAUuid() throws Exception {
    String id = UUID.randomUUID().toString();
    App created = client.apps().create(new App(id, "with-id", null, null, null, null, null, null));
    assertThat(created.id()).isEqualTo(id);

    var res = send("POST", "/apps", "{\"id\":\"not-a-uuid\",\"name\":\"x\"}");
    assertError(res, 400, ApiException.VALIDATION_ERROR);
    assertThat(json(res).path("field").asText()).isEqualTo("id");
  }

  @Test
  void invalidNamesAreRefusedOnTheNameFieldAndNothingIsCreated() throws Exception {
    for (String bad : List.of("Demo", "-demo", "demo-", "de--mo", "de_mo", "a".repeat(101))) {
      var res = send("POST", "/apps", "{\"name\":\"" + bad + "\"}");
      assertError(res, 400, ApiException.VALIDATION_ERROR);
      assertThat(json(res).path("field").asText()).isEqualTo("name");
    }
    assertThat(client.apps().list()).isEmpty();
    assertThat(client.events().list(null, List.of(), 0)).isEmpty();
  }

  @Test
  void duplicateNameIsAConflict() throws Exception {
    client.apps().create(App.named("demo"));

    assertError(send("POST", "/apps", "{\"name\":\"demo\"}"), 409, ApiException.OBJECT_EXISTS);
    assertThat(client.apps().list()).hasSize(1);
  }

  @Test
  void updateChangesMetaStrategyAndTimeoutAndRecordsAnEvent() {
    App app = client.apps().create(App.named("demo"));

    App updated =
        client
            .apps()
            .update(
                "demo", new App(null, null, Map.of("k", "v"), "one-by-one", null, 30, null, null));

    assertThat(updated.meta()).containsExactly(Map.entry("k", "v"));
    assertThat(updated.strategy()).isEqualTo("one-by-one");
    assertThat(updated.deployTimeout()).isEqualTo(30);
    assertThat(client.apps().get(app.id()).meta()).containsEntry("k", "v");
    assertThat(client.events().list(app.id(), List.of(Event.APP), 0)).hasSize(2);
  }

  @Test
  void deletedAppIsGoneAndItsNameIsFree() {
    App app = client.apps().create(App.named("demo"));

    client.apps().delete("demo");

    assertThatThrownBy(() -> client.apps().get("demo"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(client.events().list(null, List.of(Event.APP_DELETION), 0))
        .extracting(Event::objectId)
        .containsExactly(app.id());
    assertThat(client.apps().create(App.named("demo")).id()).isNotEqualTo(app.id());
  }

  @Test
  void unknownAppIsNotFoundWithItsNameInTheMessage() throws Exception {
    var res = send("GET", "/apps/nope", null);

    assertError(res, 404, ApiException.OBJECT_NOT_FOUND);
    assertThat(json(res).path("message").asText()).contains("nope");
  }

  @Test
  void requestsNeedTheClusterKeyExceptPing() throws Exception {
    HttpResponse<String> none =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/apps")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/apps"))
                .header("Authorization", auth("wrong"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> ping =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/ping")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertError(none, 401, ApiException.UNAUTHORIZED);
    assertError(wrong, 401, ApiException.UNAUTHORIZED);
    assertThat(ping.statusCode()).isEqualTo(200);
  }

  @Test
  void statusIsHealthyWhileTheDatabaseAnswers() throws Exception {
    var res = send("GET", "/.well-known/status", null);

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(json(res).path("data").path("status").asText()).isEqualTo("healthy");
  }

  @Test
  void malformedJsonIsASyntaxErrorAndChangesNothing() throws Exception {
    assertError(send("POST", "/apps", "{\"name\": "), 400, ApiException.SYNTAX_ERROR);
    assertError(send("POST", "/apps", "[1,2]"), 400, ApiException.SYNTAX_ERROR);
    assertThat(client.apps().list()).isEmpty();
  }

  @Test
  void oversizedBodyIsRefusedAndChangesNothing() throws Exception {
    String big = "{\"name\":\"big\",\"meta\":{\"x\":\"" + "a".repeat(1 << 20) + "\"}}";

    assertError(send("POST", "/apps", big), 400, ApiException.REQUEST_BODY_TOO_BIG);
    assertThat(client.apps().list()).isEmpty();
  }
}
