package flynn.controller.routes;

import static flynn.api.router.Route.http;
import static flynn.api.router.Route.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.Json;
import flynn.api.http.ApiException;
import flynn.api.router.Certificate;
import flynn.api.router.Route;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteRulesTest {
  private static final String APP = "5bfb9c8b-ae1f-4a5a-af0c-94fa2996d543";
  private static final PortRange PORTS = PortRange.DEFAULT;

  @ParameterizedTest
  @CsvSource({
    "example.com, example.com",
    "Example.COM, example.com",
    "*.example.com, *.example.com",
    "demo.localhost, demo.localhost",
    "localhost, localhost",
    "a-b.c1.example, a-b.c1.example"
  })
  void validDomainsAreKeptInLowercase(String given, String stored) {
    assertThat(RouteRules.domain(given)).isEqualTo(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com",
        "example.com/",
        "-a.com",
        "a-.com",
        "a..com",
        "a.com.",
        "*",
        "*.",
        "a.*.com",
        "ex ample.com",
        "exa_mple.com",
        "example.com:8080"
      })
  void invalidDomainsAreRefusedOnTheDomainField(String domain) {
    assertRefused(() -> RouteRules.domain(domain), "domain");
  }

  @Test
  void aDomainLongerThan253CharactersIsRefused() {
    String longName = ("a".repeat(60) + ".").repeat(5) + "com";

    assertThat(longName).hasSizeGreaterThan(RouteRules.MAX_DOMAIN_LENGTH);
    assertRefused(() -> RouteRules.domain(longName), "domain");
  }

  @ParameterizedTest
  @CsvSource({"'', /", "/, /", "/api, /api/", "/api/, /api/", "/a/b.c, /a/b.c/"})
  void pathsAreNormalisedToEndInASlash(String given, String stored) {
    assertThat(RouteRules.path(given)).isEqualTo(stored);
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "//", "/a//b", "/a b", "/a?b", "/a#b"})
  void invalidPathsAreRefusedOnThePathField(String path) {
    assertRefused(() -> RouteRules.path(path), "path");
  }

  @Test
  void newHttpRouteGetsFlynnsDefaults() {
    Route route = RouteRules.newRoute(http("Example.com", null, "demo-web"), APP, PORTS);

    assertThat(route.parentRef()).isEqualTo("controller/apps/" + APP);
    assertThat(route.domain()).isEqualTo("example.com");
    assertThat(route.path()).isEqualTo("/");
    assertThat(route.drains()).isTrue();
    assertThat(route.isSticky()).isFalse();
    assertThat(route.keepsAlive()).isTrue();
    assertThat(route.certificate()).isNull();
    assertThat(route.redirectsToHttps()).isFalse();
  }

  @Test
  void httpsRedirectIsKeptOnChangesThatLeaveItOutAndRefusedOnTcpRoutes() {
    Route existing =
        stored(
            RouteRules.newRoute(
                http("example.com", null, "a-web").withHttpsRedirect(true), APP, PORTS));

    assertThat(existing.redirectsToHttps()).isTrue();
    assertThat(RouteRules.changed(existing, Route.of(null, "b"), PORTS).redirectsToHttps())
        .isTrue();
    assertThat(
            RouteRules.changed(existing, Route.of(null, null).withHttpsRedirect(false), PORTS)
                .redirectsToHttps())
        .isFalse();
    assertRefused(
        () -> RouteRules.newRoute(tcp(null, "db").withHttpsRedirect(true), APP, PORTS),
        "https_redirect");
  }

  @Test
  void typeMustBeHttpOrTcp() {
    Route udp = Route.of("udp", "s");

    assertRefused(() -> RouteRules.newRoute(udp, APP, PORTS), "type");
  }

  @Test
  void serviceIsRequired() {
    assertRefused(
        () -> RouteRules.newRoute(http("example.com", null, null), APP, PORTS), "service");
    assertRefused(() -> RouteRules.newRoute(tcp(null, " "), APP, PORTS), "service");
  }

  @Test
  void httpRoutesTakeNoPortAndTcpRoutesNoDomainOrPath() {
    Route httpWithPort = http("example.com", null, "s").withPort(3001);
    Route tcpWithDomain =
        Json.read("{\"type\":\"tcp\",\"service\":\"s\",\"domain\":\"example.com\"}", Route.class);

    assertRefused(() -> RouteRules.newRoute(httpWithPort, APP, PORTS), "port");
    assertRefused(() -> RouteRules.newRoute(tcpWithDomain, APP, PORTS), "domain");
  }

  @Test
  void tcpPortMustBeInTheRangeAndIsLeftForAllocationWhenNotGiven() {
    assertThat(RouteRules.newRoute(tcp(3000, "db"), APP, PORTS).port()).isEqualTo(3000);
    assertThat(RouteRules.newRoute(tcp(3500, "db"), APP, PORTS).port()).isEqualTo(3500);
    assertThat(RouteRules.newRoute(tcp(null, "db"), APP, PORTS).port()).isNull();
    assertThat(RouteRules.newRoute(tcp(0, "db"), APP, PORTS).port()).isNull();
    assertRefused(() -> RouteRules.newRoute(tcp(2999, "db"), APP, PORTS), "port");
    assertRefused(() -> RouteRules.newRoute(tcp(3501, "db"), APP, PORTS), "port");
  }

  @Test
  void halfACertificateIsRefused() {
    Route onlyCert =
        http("example.com", null, "s")
            .withCertificate(Certificate.of("-----BEGIN CERTIFICATE-----", null));
    Route onlyLegacyKey =
        http("example.com", null, "s").withLegacyTls(null, "-----BEGIN PRIVATE KEY-----");

    assertRefused(() -> RouteRules.newRoute(onlyCert, APP, PORTS), "certificate.key");
    assertRefused(() -> RouteRules.newRoute(onlyLegacyKey, APP, PORTS), "tls_cert");
  }

  @Test
  void changeKeepsWhatTheBodyLeavesOutAndTakesLeaderAsGiven() {
    Route existing = stored(RouteRules.newRoute(http("example.com", "/api", "a-web"), APP, PORTS));
    Route body = Route.of(null, null).withLeader(true).withSticky(true);

    Route changed = RouteRules.changed(existing, body, PORTS);

    assertThat(changed.service()).isEqualTo("a-web");
    assertThat(changed.leader()).isTrue();
    assertThat(changed.isSticky()).isTrue();
    assertThat(changed.path()).isEqualTo("/api/");
    assertThat(changed.id()).isEqualTo(existing.id());
    assertThat(changed.createdAt()).isEqualTo(existing.createdAt());
  }

  @Test
  void domainAndPathOfARouteCannotChange() {
    Route existing = stored(RouteRules.newRoute(http("example.com", "/api", "a-web"), APP, PORTS));

    assertRefused(
        () -> RouteRules.changed(existing, http("other.com", "/api", "a-web"), PORTS), "domain");
    assertRefused(
        () -> RouteRules.changed(existing, http("example.com", "/v2", "a-web"), PORTS), "path");
    assertThat(RouteRules.changed(existing, http("EXAMPLE.com", "/api", "b"), PORTS).service())
        .isEqualTo("b");
  }

  @Test
  void tcpPortCanMoveWithinTheRange() {
    Route existing = stored(RouteRules.newRoute(tcp(3000, "db"), APP, PORTS));

    assertThat(RouteRules.changed(existing, tcp(3001, null), PORTS).port()).isEqualTo(3001);
    assertThat(RouteRules.changed(existing, tcp(null, null), PORTS).port()).isEqualTo(3000);
    assertRefused(() -> RouteRules.changed(existing, tcp(80, null), PORTS), "port");
  }

  @Test
  void lowestFreePortIsAllocatedAndAFullRangeHasNone() {
    PortRange three = new PortRange(3000, 3002);

    assertThat(three.lowestFree(Set.of()).getAsInt()).isEqualTo(3000);
    assertThat(three.lowestFree(Set.of(3000, 3002)).getAsInt()).isEqualTo(3001);
    assertThat(three.lowestFree(Set.of(3000, 3001, 3002))).isEmpty();
  }

  private static Route stored(Route r) {
    OffsetDateTime t = OffsetDateTime.parse("2026-01-02T03:04:05Z");
    return r.withId("4b9a2f7e-0c1d-4e5f-8a9b-0c1d2e3f4a5b").withTimes(t, t);
  }

  private static void assertRefused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ApiException.VALIDATION_ERROR);
              assertThat(e.error().field()).isEqualTo(field);
            });
  }
}
