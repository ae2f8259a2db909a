package flynn.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.Event;
import flynn.api.controller.Provider;
import flynn.api.controller.Resource;
import flynn.api.controller.ResourceReq;
import flynn.api.http.ApiException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Providers and resources against a real controller and a provider on a real socket. */
class ResourcesIT extends ControllerTestBase {
  private HttpServer provider;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger made = new AtomicInteger();
  private volatile int failStatus;
  private volatile String failBody = "";

  @BeforeEach
  void startProvider() throws IOException {
    calls.clear(); // one instance serves every test of the class
    made.set(0);
    failStatus = 0;
    failBody = "";
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    provider.createContext("/", this::answer);
    provider.start();
  }

  @AfterEach
  void stopProvider() {
    provider.stop(0);
  }

  @Test
  void registeringANameAgainChangesItsUrlAndKeepsItsId() {
    Provider first = client.providers().create(Provider.of("postgres", "http://127.0.0.1:1/"));
    Provider again = client.providers().create(Provider.of("postgres", providerUrl()));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.url()).isEqualTo(providerUrl());
    assertThat(client.providers().list()).extracting(Provider::id).containsExactly(first.id());
    assertThat(client.providers().get("postgres").url()).isEqualTo(providerUrl());
    assertThat(client.providers().get(first.id()).name()).isEqualTo("postgres");
  }

  @Test
  void badProviderNameOrUrlIsAValidationErrorNamingTheField() throws Exception {
    var badName = send("POST", "/providers", "{\"name\":\"Post gres\",\"url\":\"http://a/\"}");
    var badUrl = send("POST", "/providers", "{\"name\":\"pg\",\"url\":\"ftp://a/\"}");
    var noUrl = send("POST", "/providers", "{\"name\":\"pg\"}");

    assertError(badName, 400, ApiException.VALIDATION_ERROR);
    assertThat(json(badName).path("field").asText()).isEqualTo("name");
    assertError(badUrl, 400, ApiException.VALIDATION_ERROR);
    assertThat(json(badUrl).path("message").asText()).contains("http://");
    assertError(noUrl, 400, ApiException.VALIDATION_ERROR);
    assertThat(client.providers().list()).isEmpty();
  }

  @Test
  void provisionAsksTheProviderWithTheKeyThenStoresTheResourceWithAnEvent() {
    App app = client.apps().create(App.named("demo"));
    Provider p = client.providers().create(Provider.of("postgres", providerUrl()));

    Resource r = client.resources().provision("postgres", new ResourceReq(List.of("demo"), null));

    assertThat(calls).containsExactly("POST / " + auth(KEY) + " {}");
    assertThat(r.provider()).isEqualTo(p.id());
    assertThat(r.externalId()).isEqualTo("ext-1");
    assertThat(r.env()).containsEntry("DATABASE_URL", "postgres://ext-1");
    assertThat(r.apps()).containsExactly(app.id());
    assertThat(client.resources().get("postgres", r.id())).isEqualTo(r);
    assertThat(client.resources().listForApp("demo")).containsExactly(r);
    assertThat(client.resources().list(p.id())).containsExactly(r);
    assertThat(client.resources().listAll()).containsExactly(r);
    assertThat(client.events().list(app.id(), List.of(Event.RESOURCE), 0))
        .extracting(Event::objectId)
        .containsExactly(r.id());
  }

  @Test
  void providerThatIsDownGivesA503NamingItAndNothingIsStored() throws Exception {
    client.apps().create(App.named("demo"));
    client.providers().create(Provider.of("redis", providerUrl()));
    provider.stop(0);

    var res = send("POST", "/providers/redis/resources", "{\"apps\":[\"demo\"]}");

    assertError(res, 503, ApiException.SERVICE_UNAVAILABLE);
    assertThat(json(res).path("message").asText())
        .startsWith("provider \"redis\" is unavailable")
        .contains("connection refused");
    assertThat(client.resources().listAll()).isEmpty();
  }

  @Test
  void providerErrorGivesA502WithTheProvidersOwnMessage() throws Exception {
    client.providers().create(Provider.of("mysql", providerUrl()));
    failStatus = 500;
    failBody = "{\"code\":\"unknown_error\",\"message\":\"disk full\"}";

    var res = send("POST", "/providers/mysql/resources", "{}");

    assertThat(res.statusCode()).isEqualTo(502);
    assertThat(json(res).path("message").asText())
        .isEqualTo("provider \"mysql\" refused to provision: disk full");
    assertThat(client.resources().listAll()).isEmpty();
  }

  @Test
  void provisionForAnUnknownAppIsA404WithoutAskingTheProvider() {
    client.providers().create(Provider.of("postgres", providerUrl()));

    assertThatThrownBy(
            () -> client.resources().provision("postgres", new ResourceReq(List.of("nope"), null)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(calls).isEmpty();
  }

  @Test
  void deleteDeprovisionsAtTheProviderThenForgetsTheResource() {
    App app = client.apps().create(App.named("demo"));
    client.providers().create(Provider.of("postgres", providerUrl()));
    Resource r = client.resources().provision("postgres", new ResourceReq(List.of("demo"), null));

    Resource deleted = client.resources().delete("postgres", r.id());

    assertThat(deleted.id()).isEqualTo(r.id());
    assertThat(calls).last().isEqualTo("DELETE /?id=ext-1 " + auth(KEY) + " ");
    assertThatThrownBy(() -> client.resources().get("postgres", r.id()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(client.resources().listForApp("demo")).isEmpty();
    assertThat(client.events().list(app.id(), List.of(Event.RESOURCE_DELETION), 0))
        .extracting(Event::objectId)
        .containsExactly(r.id());
  }

  @Test
  void failedDeprovisionKeepsTheResource() {
    client.apps().create(App.named("demo"));
    client.providers().create(Provider.of("postgres", providerUrl()));
    Resource r = client.resources().provision("postgres", new ResourceReq(List.of("demo"), null));
    failStatus = 500;
    failBody = "database in use";

    assertThatThrownBy(() -> client.resources().delete("postgres", r.id()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.getMessage()).contains("postgres").contains("database in use");
            });
    assertThat(client.resources().listForApp("demo")).containsExactly(r);
  }

  @Test
  void appsAreLinkedAndUnlinkedByName() {
    App demo = client.apps().create(App.named("demo"));
    App other = client.apps().create(App.named("other"));
    client.providers().create(Provider.of("postgres", providerUrl()));
    Resource r = client.resources().provision("postgres", new ResourceReq(List.of("demo"), null));

    Resource shared = client.resources().addApp("postgres", r.id(), "other");
    Resource again = client.resources().addApp("postgres", r.id(), "other");
    Resource left = client.resources().removeApp("postgres", r.id(), "demo");

    assertThat(shared.apps()).containsExactly(demo.id(), other.id());
    assertThat(again.apps()).isEqualTo(shared.apps());
    assertThat(left.apps()).containsExactly(other.id());
    assertThat(client.resources().listForApp("demo")).isEmpty();
    assertThat(client.events().list(demo.id(), List.of(Event.RESOURCE_APP_DELETION), 0)).hasSize(1);
  }

  @Test
  void putStoresAResourceProvisionedElsewhere() {
    App app = client.apps().create(App.named("demo"));
    Provider p = client.providers().create(Provider.of("postgres", providerUrl()));
    String id = "3c1d9ab2-6f1e-4a8e-9d4a-1b2c3d4e5f60";

    Resource put =
        client
            .resources()
            .put(
                "postgres",
                new Resource(id, null, "outside", Map.of("A", "1"), List.of("demo"), null));

    assertThat(put.provider()).isEqualTo(p.id());
    assertThat(put.apps()).containsExactly(app.id());
    assertThat(client.resources().get("postgres", id).env()).containsEntry("A", "1");
    assertThat(calls).isEmpty();
  }

  @Test
  void deletingAnAppDeprovisionsItsOwnResourcesAndUnlinksSharedOnes() {
    App demo = client.apps().create(App.named("demo"));
    App other = client.apps().create(App.named("other"));
    client.providers().create(Provider.of("postgres", providerUrl()));
    Resource own = client.resources().provision("postgres", new ResourceReq(List.of("demo"), null));
    Resource shared =
        client.resources().provision("postgres", new ResourceReq(List.of("demo", "other"), null));

    client.apps().delete("demo");

    assertThat(calls).contains("DELETE /?id=" + own.externalId() + " " + auth(KEY) + " ");
    assertThat(calls).noneMatch(c -> c.startsWith("DELETE /?id=" + shared.externalId()));
    assertThat(client.resources().listAll()).extracting(Resource::id).containsExactly(shared.id());
    assertThat(client.resources().get("postgres", shared.id()).apps()).containsExactly(other.id());
    Event deletion = client.events().list(null, List.of(Event.APP_DELETION), 0).get(0);
    assertThat(deletion.objectId()).isEqualTo(demo.id());
    assertThat(deletion.data().path("app_deletion").path("deleted_resources"))
        .extracting(n -> n.path("id").asText())
        .containsExactly(own.id());
  }

  @Test
  void deletingAnAppWhoseProviderIsDownStillDeletesItAndKeepsTheResourceListed() {
    client.apps().create(App.named("demo"));
    client.providers().create(Provider.of("postgres", providerUrl()));
    Resource r = client.resources().provision("postgres", new ResourceReq(List.of("demo"), null));
    provider.stop(0);

    client.apps().delete("demo");

    assertThatThrownBy(() -> client.apps().get("demo"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(client.resources().get("postgres", r.id()).apps()).isEmpty();
  }

  private String providerUrl() {
    return "http://127.0.0.1:" + provider.getAddress().getPort();
  }

  /** The provider contract: POST provisions {@code ext-N}, DELETE ?id= deprovisions. */
  private void answer(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    calls.add(
        ex.getRequestMethod()
            + " "
            + ex.getRequestURI()
            + " "
            + ex.getRequestHeaders().getFirst("Authorization")
            + " "
            + body);
    if (failStatus != 0) {
      respond(ex, failStatus, failBody);
    } else if ("POST".equals(ex.getRequestMethod())) {
      String id = "ext-" + made.incrementAndGet();
      respond(
          ex, 200, Json.write(Map.of("id", id, "env", Map.of("DATABASE_URL", "postgres://" + id))));
    } else {
      respond(ex, 200, "");
    }
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
