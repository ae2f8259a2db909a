package flynn.controller;

import static flynn.api.router.Route.http;
import static flynn.api.router.Route.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.Event;
import flynn.api.http.ApiException;
import flynn.api.router.Certificate;
import flynn.api.router.Route;
import flynn.controller.routes.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesIT extends ControllerTestBase {
  @TempDir static Path certDir;
  private TestCertificates.Pair exampleCert;
  private TestCertificates.Pair otherCert;

  @BeforeAll
  void generateCertificates() throws Exception {
    exampleCert = TestCertificates.generate(certDir, "example.com", "EC");
    otherCert = TestCertificates.generate(certDir, "example.org", "EC");
  }

  @Test
  void newAppGetsItsDefaultRouteWithAnEvent() {
    App app = client.apps().create(App.named("demo"));

    List<Route> routes = client.routes().list("demo");

    assertThat(routes).hasSize(1);
    Route route = routes.get(0);
    assertThat(route.type()).isEqualTo(Route.HTTP);
    assertThat(route.domain()).isEqualTo("demo.localhost");
    assertThat(route.path()).isEqualTo("/");
    assertThat(route.service()).isEqualTo("demo-web");
    assertThat(route.drains()).isTrue();
    assertThat(route.parentRef()).isEqualTo("controller/apps/" + app.id());
    assertThat(client.events().list(app.id(), List.of(Event.ROUTE), 0))
        .extracting(Event::objectId)
        .containsExactly(route.id());
  }

  @Test
  void httpRouteIsCreatedListedUpdatedAndDeletedEachWithAnEvent() {
    App app = client.apps().create(App.named("demo"));

    Route created = client.routes().create("demo", http("Example.com", null, "demo-web"));
    Route updated =
        client.routes().update("demo", created.formattedId(), changes("demo-other", true, true));
    client.routes().delete("demo", created.formattedId());

    assertThat(created.id()).isNotBlank();
    assertThat(created.domain()).isEqualTo("example.com");
    assertThat(updated.service()).isEqualTo("demo-other");
    assertThat(updated.isSticky()).isTrue();
    assertThat(updated.leader()).isTrue();
    assertThat(updated.domain()).isEqualTo("example.com");
    assertThatThrownBy(() -> client.routes().get("demo", created.formattedId()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    List<Event> events =
        client.events().list(app.id(), List.of(Event.ROUTE, Event.ROUTE_DELETION), 0);
    assertThat(events.stream().filter(e -> e.objectId().equals(created.id())))
        .extracting(Event::objectType)
        .containsExactly(Event.ROUTE_DELETION, Event.ROUTE, Event.ROUTE);
    assertThat(events.get(1).data().path("service").asText()).isEqualTo("demo-other");
  }

  @Test
  void httpsRedirectIsStoredChangedAndSentInRouteEvents() {
    App app = client.apps().create(App.named("demo"));

    Route created =
        client
            .routes()
            .create("demo", http("secure.example.com", null, "demo-web").withHttpsRedirect(true));
    Route listed = client.routes().get("demo", created.formattedId());
    Route turnedOff =
        client
            .routes()
            .update("demo", created.formattedId(), Route.of(null, null).withHttpsRedirect(false));

    assertThat(created.redirectsToHttps()).isTrue();
    assertThat(listed.redirectsToHttps()).isTrue();
    assertThat(turnedOff.redirectsToHttps()).isFalse();
    List<Event> events = client.events().list(app.id(), List.of(Event.ROUTE), 0);
    assertThat(events.stream().filter(e -> e.objectId().equals(created.id())))
        .extracting(e -> e.data().path("https_redirect").asBoolean(false))
        .containsExactly(false, true);
  }

  @Test
  void routesAreListedPerAppAndAllTogether() {
    client.apps().create(App.named("one"));
    client.apps().create(App.named("two"));
    Route tcp = client.routes().create("two", tcp(null, "two-db"));

    assertThat(client.routes().list("one"))
        .extracting(Route::domain)
        .containsExactly("one.localhost");
    assertThat(client.routes().list("two")).extracting(Route::id).contains(tcp.id()).hasSize(2);
    assertThat(client.routes().listAll()).hasSize(3);
    assertThat(client.routes().get("two", tcp.formattedId()).port()).isEqualTo(tcp.port());
  }

  @Test
  void routeOfAnotherAppIsNotFound() throws Exception {
    client.apps().create(App.named("one"));
    client.apps().create(App.named("two"));
    Route route = client.routes().list("one").get(0);

    assertError(
        send("GET", "/apps/two/routes/" + route.formattedId(), null),
        404,
        ApiException.OBJECT_NOT_FOUND);
    assertError(
        send("DELETE", "/apps/two/routes/" + route.formattedId(), null),
        404,
        ApiException.OBJECT_NOT_FOUND);
    assertError(
        send("GET", "/apps/one/routes/http/not-a-uuid", null), 404, ApiException.OBJECT_NOT_FOUND);
    assertThat(client.routes().list("one")).hasSize(1);
  }

  @Test
  void pathRouteNeedsItsDomainsDefaultRouteWhichThenCannotBeRemoved() throws Exception {
    App app = client.apps().create(App.named("demo"));
    long eventsBefore = client.events().list(app.id(), List.of(), 0).size();

    var orphan =
        send("POST", "/apps/demo/routes", Json.write(http("example.com", "/api", "demo-api")));
    Route root = client.routes().create("demo", http("example.com", null, "demo-web"));
    Route api = client.routes().create("demo", http("example.com", "/api", "demo-api"));
    var removeRoot = send("DELETE", "/apps/demo/routes/" + root.formattedId(), null);

    assertError(orphan, 400, ApiException.VALIDATION_ERROR);
    assertThat(json(orphan).path("field").asText()).isEqualTo("path");
    assertThat(api.path()).isEqualTo("/api/");
    assertError(removeRoot, 400, ApiException.VALIDATION_ERROR);
    assertThat(client.routes().list("demo")).hasSize(3);
    assertThat(client.events().list(app.id(), List.of(), 0)).hasSize((int) eventsBefore + 2);
  }

  @Test
  void sameDomainAndPathTwiceIsAConflictAndChangesNothing() throws Exception {
    client.apps().create(App.named("demo"));
    client.apps().create(App.named("other"));

    var res = send("POST", "/apps/other/routes", Json.write(http("DEMO.localhost", "/", "x")));

    assertError(res, 409, ApiException.CONFLICT);
    assertThat(client.routes().list("other"))
        .extracting(Route::domain)
        .containsExactly("other.localhost");
  }

  @Test
  void invalidRoutesAreRefusedOnTheirFieldAndChangeNothing() throws Exception {
    App app = client.apps().create(App.named("demo"));
    long eventsBefore = client.events().list(null, List.of(), 0).size();

    for (var bad :
        List.of(
            new Object[] {"{\"type\":\"udp\",\"service\":\"s\"}", "type"},
            new Object[] {
              "{\"type\":\"http\",\"service\":\"s\",\"domain\":\"bad_domain\"}", "domain"
            },
            new Object[] {"{\"type\":\"http\",\"domain\":\"ok.example.com\"}", "service"},
            new Object[] {"{\"type\":\"tcp\",\"service\":\"s\",\"port\":80}", "port"})) {
      var res = send("POST", "/apps/demo/routes", (String) bad[0]);
      assertError(res, 400, ApiException.VALIDATION_ERROR);
      assertThat(json(res).path("field").asText()).isEqualTo(bad[1]);
    }
    assertThat(client.routes().list("demo")).hasSize(1);
    assertThat(client.events().list(null, List.of(), 0)).hasSize((int) eventsBefore);
    assertThat(app.id()).isNotNull();
  }

  @Test
  void tcpPortsAreAllocatedLowestFreeFirstAndAreUnique() throws Exception {
    client.apps().create(App.named("demo"));

    Route first = client.routes().create("demo", tcp(null, "demo-db"));
    Route second = client.routes().create("demo", tcp(null, "demo-db"));
    var taken = send("POST", "/apps/demo/routes", Json.write(tcp(second.port(), "demo-db")));
    client.routes().delete("demo", first.formattedId());
    Route third = client.routes().create("demo", tcp(null, "demo-cache"));
    Route chosen = client.routes().create("demo", tcp(3400, "demo-cache"));

    assertThat(first.port()).isEqualTo(3000);
    assertThat(second.port()).isEqualTo(3001);
    assertError(taken, 409, ApiException.CONFLICT);
    assertThat(third.port()).isEqualTo(3000);
    assertThat(chosen.port()).isEqualTo(3400);
  }

  @Test
  void routeWithACertificateStoresItOnceForEveryRouteThatUsesIt() {
    client.apps().create(App.named("demo"));
    Certificate cert = Certificate.of(exampleCert.cert(), exampleCert.key());

    Route a =
        client.routes().create("demo", http("example.com", null, "demo-web").withCertificate(cert));
    Route b =
        client
            .routes()
            .create("demo", http("www.example.com", null, "demo-web").withCertificate(cert));

    assertThat(a.certificate().id()).isNotBlank().isEqualTo(b.certificate().id());
    assertThat(a.certificate().cert()).isEqualTo(exampleCert.cert().strip());
    assertThat(client.routes().get("demo", a.formattedId()).certificate().key())
        .isEqualTo(exampleCert.key().strip());
  }

  @Test
  void certificateWithAKeyOfAnotherIsRefusedAndNothingIsCreated() throws Exception {
    App app = client.apps().create(App.named("demo"));
    long eventsBefore = client.events().list(null, List.of(), 0).size();
    Certificate mismatched = Certificate.of(exampleCert.cert(), otherCert.key());

    var res =
        send(
            "POST",
            "/apps/demo/routes",
            Json.write(http("example.com", null, "demo-web").withCertificate(mismatched)));

    assertError(res, 400, ApiException.VALIDATION_ERROR);
    assertThat(json(res).path("field").asText()).isEqualTo("certificate.key");
    assertThat(client.routes().list(app.id())).hasSize(1);
    assertThat(client.events().list(null, List.of(), 0)).hasSize((int) eventsBefore);
  }

  @Test
  void updatingWithANewCertificateReplacesTheOld() {
    client.apps().create(App.named("demo"));
    Route route =
        client
            .routes()
            .create(
                "demo",
                http("example.com", null, "demo-web")
                    .withCertificate(Certificate.of(exampleCert.cert(), exampleCert.key())));
    Route legacyBody = Route.of(null, null).withLegacyTls(otherCert.cert(), otherCert.key());

    Route updated = client.routes().update("demo", route.formattedId(), legacyBody);
    Route unchanged =
        client.routes().update("demo", route.formattedId(), changes(null, false, true));

    assertThat(updated.certificate().cert()).isEqualTo(otherCert.cert().strip());
    assertThat(updated.certificate().id()).isNotEqualTo(route.certificate().id());
    assertThat(unchanged.certificate().id()).isEqualTo(updated.certificate().id());
  }

  @Test
  void deletingAnAppDeletesItsRoutesWithEvents() throws Exception {
    App app = client.apps().create(App.named("demo"));
    Route root = client.routes().list("demo").get(0);
    Route api = client.routes().create("demo", http("demo.localhost", "/api", "demo-api"));
    Route tcp = client.routes().create("demo", tcp(null, "demo-db"));

    client.apps().delete("demo");

    assertThat(client.routes().listAll()).isEmpty();
    // the app is gone, so its events are found by type
    assertThat(client.events().list(null, List.of(Event.ROUTE_DELETION), 0))
        .allSatisfy(e -> assertThat(e.app()).isEqualTo(app.id()))
        .extracting(Event::objectId)
        .containsExactlyInAnyOrder(root.id(), api.id(), tcp.id());
    JsonNode deletion = client.events().list(null, List.of(Event.APP_DELETION), 0).get(0).data();
    assertThat(deletion.path("app_deletion").path("deleted_routes")).hasSize(3);
    assertThat(client.apps().create(App.named("demo")).id()).isNotEqualTo(app.id());
  }

  @Test
  void routeChangesReachAFollowerOfRouteEvents() throws Exception {
    try (Events stream =
        new Events(
            client.events().stream(
                null, List.of(Event.ROUTE, Event.ROUTE_DELETION), false, null))) {
      client.apps().create(App.named("demo"));
      JsonNode added = stream.nextMatching(Duration.ofSeconds(5), e -> true);
      client.apps().delete("demo");
      JsonNode removed = stream.nextMatching(Duration.ofSeconds(5), e -> true);

      assertThat(added.path("object_type").asText()).isEqualTo(Event.ROUTE);
      assertThat(added.path("data").path("domain").asText()).isEqualTo("demo.localhost");
      assertThat(removed.path("object_type").asText()).isEqualTo(Event.ROUTE_DELETION);
    }
  }

  @Test
  void systemAppsGetNoDefaultRoute() {
    client
        .apps()
        .create(
            new App(
                null,
                "router",
                java.util.Map.of("flynn-system-app", "true"),
                null,
                null,
                null,
                null,
                null));

    assertThat(client.routes().list("router")).isEmpty();
  }

  @Test
  void caCertIsNotFoundWithoutAuthWhenTheClusterHasNone() throws Exception {
    var res =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/ca-cert")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(json(res).path("message").asText()).contains("no CA certificate");
  }

  private static Route changes(String service, boolean leader, boolean sticky) {
    return Route.of(null, service).withLeader(leader).withSticky(sticky);
  }
}
