package flynn.router.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCaTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void firstStartCreatesWildcardCertificateThatChainsToTheCa() throws Exception {
    ClusterCa tls = ClusterCa.loadOrCreate(dir, "flynn.test", at(START));

    var chain = Pem.certificates(tls.certChainPem());
    X509Certificate ca = Pem.certificates(tls.caCertPem()).getFirst();
    assertThat(chain).hasSize(2);
    assertThat(chain.get(1)).isEqualTo(ca);
    validate(chain.getFirst(), ca, START.plus(Duration.ofDays(1)));
    assertThat(Renewal.dnsNames(chain.getFirst())).isEqualTo(Set.of("flynn.test", "*.flynn.test"));
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getNotAfter().toInstant()).isAfter(START.plus(Duration.ofDays(3649)));
    assertThat(chain.getFirst().getNotAfter().toInstant())
        .isBetween(START.plus(Duration.ofDays(364)), START.plus(Duration.ofDays(366)));
  }

  @Test
  void privateKeysAreOnlyReadableByTheOwnerAndMatchTheCertificate() throws Exception {
    ClusterCa tls = ClusterCa.loadOrCreate(dir, "flynn.test", at(START));

    for (String key : new String[] {CaFiles.KEY, CaFiles.CA_KEY}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key))))
          .isEqualTo("rw-------");
    }
    var issued = new Issued(Pem.certificates(tls.certChainPem()), Pem.privateKey(tls.keyPem()));
    var ca = new Issued(Pem.certificates(tls.caCertPem()), Pem.privateKey(readCaKey()));
    assertThat(Renewal.decide(ca, issued, ClusterCa.dnsNames("flynn.test"), START))
        .isEqualTo(Renewal.REUSE);
  }

  @Test
  void laterStartsReuseTheStoredCaAndCertificate() {
    ClusterCa first = ClusterCa.loadOrCreate(dir, "flynn.test", at(START));
    ClusterCa second =
        ClusterCa.loadOrCreate(dir, "flynn.test", at(START.plus(Duration.ofDays(90))));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void expiredCertificateIsRenewedUnderTheSameCa() throws Exception {
    ClusterCa first = ClusterCa.loadOrCreate(dir, "flynn.test", at(START));
    Instant later = START.plus(Duration.ofDays(366));
    ClusterCa renewed = ClusterCa.loadOrCreate(dir, "flynn.test", at(later));

    assertThat(renewed.caCertPem()).isEqualTo(first.caCertPem());
    assertThat(renewed.certChainPem()).isNotEqualTo(first.certChainPem());
    assertThat(renewed.keyPem()).isNotEqualTo(first.keyPem());
    var ca = Pem.certificates(first.caCertPem()).getFirst();
    validate(
        Pem.certificates(renewed.certChainPem()).getFirst(), ca, later.plus(Duration.ofDays(1)));
  }

  @Test
  void certificateWithinAMonthOfItsEndIsRenewed() {
    ClusterCa first = ClusterCa.loadOrCreate(dir, "flynn.test", at(START));
    ClusterCa renewed =
        ClusterCa.loadOrCreate(dir, "flynn.test", at(START.plus(Duration.ofDays(340))));

    assertThat(renewed.certChainPem()).isNotEqualTo(first.certChainPem());
  }

  @Test
  void expiredCaIsReplacedWithTheCertificate() {
    ClusterCa first = ClusterCa.loadOrCreate(dir, "flynn.test", at(START));
    ClusterCa renewed =
        ClusterCa.loadOrCreate(dir, "flynn.test", at(START.plus(Duration.ofDays(3650))));

    assertThat(renewed.caCertPem()).isNotEqualTo(first.caCertPem());
    assertThat(Pem.certificates(renewed.certChainPem()).get(1))
        .isEqualTo(Pem.certificates(renewed.caCertPem()).getFirst());
  }

  @Test
  void newDomainGetsANewCertificateFromTheSameCa() {
    ClusterCa first = ClusterCa.loadOrCreate(dir, "flynn.test", at(START));
    ClusterCa moved = ClusterCa.loadOrCreate(dir, "example.org", at(START));

    assertThat(moved.caCertPem()).isEqualTo(first.caCertPem());
    assertThat(Renewal.dnsNames(Pem.certificates(moved.certChainPem()).getFirst()))
        .isEqualTo(Set.of("example.org", "*.example.org"));
  }

  @Test
  void unreadableCertificateFileIsReplaced() throws Exception {
    ClusterCa first = ClusterCa.loadOrCreate(dir, "flynn.test", at(START));
    Files.writeString(dir.resolve(CaFiles.CERT), "not a certificate");

    ClusterCa repaired = ClusterCa.loadOrCreate(dir, "flynn.test", at(START));

    assertThat(repaired.caCertPem()).isEqualTo(first.caCertPem());
    assertThat(Pem.certificates(repaired.certChainPem())).hasSize(2);
  }

  @Test
  void toStringHidesTheKey() {
    ClusterCa tls = ClusterCa.loadOrCreate(dir, "flynn.test", at(START));

    assertThat(tls.toString()).doesNotContain("PRIVATE KEY");
  }

  private String readCaKey() throws Exception {
    return Files.readString(dir.resolve(CaFiles.CA_KEY));
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static void validate(X509Certificate leaf, X509Certificate ca, Instant when)
      throws Exception {
    var path = CertificateFactory.getInstance("X.509").generateCertPath(java.util.List.of(leaf));
    var params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(when));
    CertPathValidator.getInstance("PKIX").validate(path, params);
  }
}
