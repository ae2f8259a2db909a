package flynn.controller.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.http.ApiException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateCheckTest {
  private static final CertificateCheck.Fields FIELDS =
      new CertificateCheck.Fields("certificate.cert", "certificate.key");

  @TempDir static Path dir;
  private TestCertificates.Pair rsa;
  private TestCertificates.Pair otherRsa;
  private TestCertificates.Pair ec;

  @BeforeAll
  void generate() throws Exception {
    rsa = TestCertificates.generate(dir, "example.com", "RSA");
    otherRsa = TestCertificates.generate(dir, "example.org", "RSA");
    ec = TestCertificates.generate(dir, "example.net", "EC");
  }

  @Test
  void matchingPkcs8KeysAreAccepted() {
    assertThatCode(() -> CertificateCheck.verify(rsa.cert(), rsa.key(), FIELDS))
        .doesNotThrowAnyException();
    assertThatCode(() -> CertificateCheck.verify(ec.cert(), ec.key(), FIELDS))
        .doesNotThrowAnyException();
  }

  @Test
  void traditionalRsaAndEcKeysAreAccepted() {
    assertThatCode(() -> CertificateCheck.verify(rsa.cert(), traditional("RSA", rsa), FIELDS))
        .doesNotThrowAnyException();
    assertThatCode(() -> CertificateCheck.verify(ec.cert(), traditional("EC", ec), FIELDS))
        .doesNotThrowAnyException();
  }

  @Test
  void aChainIsCheckedAgainstItsFirstCertificate() {
    String chain = rsa.cert() + otherRsa.cert();

    assertThatCode(() -> CertificateCheck.verify(chain, rsa.key(), FIELDS))
        .doesNotThrowAnyException();
  }

  @Test
  void keyOfAnotherCertificateIsRefusedOnTheKeyField() {
    assertRefused(rsa.cert(), otherRsa.key(), "certificate.key", "does not belong");
    assertRefused(rsa.cert(), ec.key(), "certificate.key", "not a RSA key");
  }

  @Test
  void garbageIsRefusedOnItsField() {
    assertRefused("not a certificate", rsa.key(), "certificate.cert", "certificate");
    assertRefused(rsa.cert(), "not a key", "certificate.key", "no PEM private key");
    String truncated =
        rsa.cert().substring(0, rsa.cert().length() / 2) + "\n-----END CERTIFICATE-----";
    assertRefused(truncated, rsa.key(), "certificate.cert", "certificate");
  }

  @Test
  void encryptedKeysAreRefusedWithAHint() {
    String encrypted = TestCertificates.pem("ENCRYPTED PRIVATE KEY", rsa.pkcs8());

    assertRefused(rsa.cert(), encrypted, "certificate.key", "openssl pkey");
  }

  private static void assertRefused(String cert, String key, String field, String message) {
    assertThatThrownBy(() -> CertificateCheck.verify(cert, key, FIELDS))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ApiException.VALIDATION_ERROR);
              assertThat(e.error().field()).isEqualTo(field);
            })
        .hasMessageContaining(message);
  }

  /** The PKCS#1 / SEC1 key inside a PKCS#8 one: its last element, an OCTET STRING. */
  private static String traditional(String algorithm, TestCertificates.Pair pair) {
    byte[] pkcs8 = pair.pkcs8();
    int version = Der.contentStart(pkcs8, 0);
    int algorithmId = Der.end(pkcs8, version);
    int privateKey = Der.end(pkcs8, algorithmId);
    return TestCertificates.pem(algorithm + " PRIVATE KEY", Der.content(pkcs8, privateKey));
  }
}
