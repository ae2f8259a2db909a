package flynn.router.tls;

import static flynn.router.tls.TestCerts.httpRoute;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {
  private static final TestCerts certs = new TestCerts();
  private static CertKey custom;
  private static CertKey wildcard;
  private static ClusterCa cluster;

  @BeforeAll
  static void issue(@TempDir Path dir) {
    custom = certs.serverCert("custom.example.org");
    wildcard = certs.serverCert("*.wild.example.org");
    cluster = ClusterCa.loadOrCreate(dir, "flynn.test");
  }

  @Test
  void routeCertificateIsChosenByServerName() {
    var tls = new TlsContexts(cluster, name -> false);
    tls.update(List.of(httpRoute("custom.example.org", "/", custom)));

    assertThat(tls.map("custom.example.org")).isNotSameAs(tls.clusterContext());
    assertThat(tls.map("custom.example.org").isServer()).isTrue();
  }

  @Test
  void wildcardRouteCertificateServesItsSubdomains() {
    var tls = new TlsContexts(cluster, name -> false);
    tls.update(List.of(httpRoute("*.wild.example.org", "/", wildcard)));

    assertThat(tls.map("a.wild.example.org")).isSameAs(tls.map("b.wild.example.org"));
    assertThat(tls.map("a.wild.example.org")).isNotSameAs(tls.clusterContext());
  }

  @Test
  void otherNamesAndClientsWithoutSniGetTheClusterCertificate() {
    var tls = new TlsContexts(cluster, name -> false);
    tls.update(List.of(httpRoute("custom.example.org", "/", custom)));

    assertThat(tls.map("demo.flynn.test")).isSameAs(tls.clusterContext());
    assertThat(tls.map(null)).isSameAs(tls.clusterContext());
  }

  @Test
  void certificateSharedByRoutesAndKeptAcrossUpdatesIsLoadedOnce() {
    var tls = new TlsContexts(cluster, name -> false);
    tls.update(List.of(httpRoute("custom.example.org", "/", custom)));
    var before = tls.map("custom.example.org");

    tls.update(
        List.of(
            httpRoute("custom.example.org", "/", custom),
            httpRoute("alias.example.org", "/", custom)));

    assertThat(tls.map("custom.example.org")).isSameAs(before);
    assertThat(tls.map("alias.example.org")).isSameAs(before);
  }

  @Test
  void removedRouteFallsBackToTheClusterCertificate() {
    var tls = new TlsContexts(cluster, name -> false);
    tls.update(List.of(httpRoute("custom.example.org", "/", custom)));

    tls.update(List.of());

    assertThat(tls.map("custom.example.org")).isSameAs(tls.clusterContext());
  }

  @Test
  void brokenRouteCertificateFallsBackWithoutHarmingOthers() {
    var tls = new TlsContexts(cluster, name -> false);
    var mismatched = new CertKey(custom.chainPem(), wildcard.keyPem());
    var garbage = new CertKey("not pem", "not pem");

    tls.update(
        List.of(
            httpRoute("bad.example.org", "/", mismatched),
            httpRoute("junk.example.org", "/", garbage),
            httpRoute("custom.example.org", "/", custom)));

    assertThat(tls.map("bad.example.org")).isSameAs(tls.clusterContext());
    assertThat(tls.map("junk.example.org")).isSameAs(tls.clusterContext());
    assertThat(tls.map("custom.example.org")).isNotSameAs(tls.clusterContext());
  }
}
