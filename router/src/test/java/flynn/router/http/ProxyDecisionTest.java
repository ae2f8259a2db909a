package flynn.router.http;

import static flynn.router.routes.TestRoutes.http;
import static org.assertj.core.api.Assertions.assertThat;

import flynn.router.backends.Backend;
import flynn.router.routes.RouteTable;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProxyDecisionTest {
  private static final RouteTable TABLE =
      RouteTable.of(
          List.of(
              http("web", "demo.localhost", "/", "web"),
              http("none", "empty.localhost", "/", "none"),
              http("secure", "secure.localhost", "/", "none").withHttpsRedirect(true)));
  private static final List<Backend> WEB =
      List.of(backend("10.0.0.1:80"), backend("10.0.0.2:80"), backend("10.0.0.3:80"));

  @Test
  void noRouteNoBackendOrBackendsToTry() {
    assertThat(decide("nope.localhost", null)).isInstanceOf(ProxyDecision.NoRoute.class);
    assertThat(decide("empty.localhost", null)).isInstanceOf(ProxyDecision.NoBackend.class);
    assertThat(decide("demo.localhost", null))
        .isInstanceOfSatisfying(
            ProxyDecision.Forward.class,
            f -> assertThat(f.candidates()).containsExactlyInAnyOrderElementsOf(WEB));
  }

  @Test
  void redirectRoutesRedirectPlainHttpEvenWithoutBackendsButServeHttpsAndAcme() {
    assertThat(decide("secure.localhost", null)).isInstanceOf(ProxyDecision.Redirect.class);
    assertThat(
            ProxyDecision.decide(
                TABLE, r -> List.of(), "secure.localhost", "/", null, new Random(1), false))
        .isInstanceOf(ProxyDecision.NoBackend.class);
    assertThat(
            ProxyDecision.decide(
                TABLE,
                r -> List.of(),
                "secure.localhost",
                "/.well-known/acme-challenge/x",
                null,
                new Random(1),
                true))
        .isInstanceOf(ProxyDecision.NoBackend.class);
    assertThat(decide("demo.localhost", null)).isInstanceOf(ProxyDecision.Forward.class);
  }

  @Test
  void theStickyBackendIsTriedFirstWhileItIsUp() {
    for (int seed = 0; seed < 10; seed++) {
      ProxyDecision.Forward f =
          (ProxyDecision.Forward)
              ProxyDecision.decide(
                  TABLE,
                  r -> r.service().equals("web") ? WEB : List.of(),
                  "demo.localhost",
                  "/",
                  "10.0.0.2:80",
                  new Random(seed),
                  true);
      assertThat(f.candidates().getFirst().addr()).isEqualTo("10.0.0.2:80");
      assertThat(f.candidates()).hasSize(3);
    }
  }

  @Test
  void aStickyBackendThatIsGoneIsIgnored() {
    ProxyDecision.Forward f = (ProxyDecision.Forward) decide("demo.localhost", "10.9.9.9:80");

    assertThat(f.candidates()).containsExactlyInAnyOrderElementsOf(WEB);
  }

  private static ProxyDecision decide(String host, String sticky) {
    return ProxyDecision.decide(
        TABLE,
        r -> r.service().equals("web") ? WEB : List.of(),
        host,
        "/",
        sticky,
        new Random(1),
        true);
  }

  private static Backend backend(String addr) {
    return new Backend("web", addr, null, null);
  }
}
