package flynn.router.tls;

import static flynn.router.tls.TestCerts.httpRoute;
import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.router.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class SniTableTest {
  private static final CertKey A = new CertKey("chain-a", "key-a");
  private static final CertKey B = new CertKey("chain-b", "key-b");
  private static final CertKey C = new CertKey("chain-c", "key-c");

  @Test
  void exactDomainWinsOverWildcard() {
    var table =
        SniTable.of(
            List.of(httpRoute("*.example.org", "/", A), httpRoute("www.example.org", "/", B)));

    assertThat(table.lookup("www.example.org")).isEqualTo(B);
    assertThat(table.lookup("api.example.org")).isEqualTo(A);
  }

  @Test
  void mostSpecificWildcardWins() {
    var table =
        SniTable.of(
            List.of(httpRoute("*.example.org", "/", A), httpRoute("*.eu.example.org", "/", B)));

    assertThat(table.lookup("shop.eu.example.org")).isEqualTo(B);
    assertThat(table.lookup("a.shop.us.example.org")).isEqualTo(A);
    assertThat(table.lookup("example.org")).isNull();
  }

  @Test
  void serverNamesMatchWhateverTheirCase() {
    var table = SniTable.of(List.of(httpRoute("Shop.Example.org", "/", A)));

    assertThat(table.lookup("SHOP.example.ORG")).isEqualTo(A);
  }

  @Test
  void unknownOrMissingServerNameHasNoRouteCertificate() {
    var table = SniTable.of(List.of(httpRoute("example.org", "/", A)));

    assertThat(table.lookup("other.org")).isNull();
    assertThat(table.lookup(null)).isNull();
    assertThat(table.lookup("")).isNull();
  }

  @Test
  void routesWithoutCertificateAndTcpRoutesAreLeftOut() {
    var tcp = Route.tcp(3000, "svc").withId("t1").withLegacyTls("c", "k");
    var table = SniTable.of(List.of(httpRoute("plain.org", "/", null), tcp));

    assertThat(table.byDomain()).isEmpty();
  }

  @Test
  void legacyTlsCertAndKeyFieldsCount() {
    var legacy = Route.http("old.org", "/", "svc").withId("h1").withLegacyTls("chain-c", "key-c");

    assertThat(SniTable.of(List.of(legacy)).lookup("old.org")).isEqualTo(C);
  }

  @Test
  void routeWithTheShortestPathGivesTheDomainsCertificate() {
    var table =
        SniTable.of(List.of(httpRoute("example.org", "/api", B), httpRoute("example.org", "/", A)));

    assertThat(table.lookup("example.org")).isEqualTo(A);
  }
}
