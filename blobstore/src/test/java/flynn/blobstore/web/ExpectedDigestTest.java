package flynn.blobstore.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.http.ApiException;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ExpectedDigestTest {
  private static final String HEX = "ab".repeat(32);

  @Test
  void noClaimMeansNoCheck() {
    assertThat(ExpectedDigest.of("/slugs/app.tgz", null, null)).isEmpty();
  }

  @Test
  void readsTheHexHeaderWithOrWithoutAlgorithmPrefix() {
    assertThat(ExpectedDigest.of("/x", HEX.toUpperCase(), null)).contains(HEX);
    assertThat(ExpectedDigest.of("/x", "sha256:" + HEX, null)).contains(HEX);
  }

  @Test
  void readsTheRfc3230DigestHeader() {
    String b64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(HEX));
    assertThat(ExpectedDigest.of("/x", null, "md5=abc, SHA-256=" + b64)).contains(HEX);
  }

  @Test
  void readsAnOciDigestAsTheLastPathSegment() {
    assertThat(ExpectedDigest.of("/docker/layers/sha256:" + HEX, null, null)).contains(HEX);
  }

  @Test
  void refusesDisagreeingClaims() {
    assertThatThrownBy(() -> ExpectedDigest.of("/layers/sha256:" + HEX, "cd".repeat(32), null))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("different sha256 digests");
  }

  @Test
  void refusesAMalformedHeader() {
    assertThatThrownBy(() -> ExpectedDigest.of("/x", "not-hex", null))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("64 hex digits");
  }
}
