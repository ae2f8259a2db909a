package flynn.router.sticky;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class StickyCookiesTest {
  private final StickyCookies cookies = new StickyCookies("cluster-key");

  @Test
  void aCookieDecodesToTheBackendItNames() {
    assertThat(cookies.decode(cookies.encode("100.100.0.7:8080"))).contains("100.100.0.7:8080");
  }

  @Test
  void eachCookieIsSealedWithAFreshNonce() {
    assertThat(cookies.encode("10.0.0.1:80")).isNotEqualTo(cookies.encode("10.0.0.1:80"));
  }

  @Test
  void aCookieOfAnotherKeyOrTamperedWithDecodesToNothing() {
    String sealed = cookies.encode("10.0.0.1:80");
    byte[] raw = Base64.getUrlDecoder().decode(sealed);
    raw[raw.length - 1] ^= 1;

    assertThat(new StickyCookies("other-key").decode(sealed)).isEmpty();
    assertThat(cookies.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)))
        .isEmpty();
    assertThat(cookies.decode("10.0.0.1:80")).isEmpty();
    assertThat(cookies.decode("")).isEmpty();
  }

  @Test
  void theBackendIsReadFromTheCookieHeaderAmongOthers() {
    String value = cookies.setCookie("10.0.0.9:80").split(";")[0].substring("_backend=".length());

    assertThat(cookies.backendIn("session=abc; _backend=" + value + "; theme=dark"))
        .contains("10.0.0.9:80");
    assertThat(cookies.backendIn("session=abc")).isEmpty();
    assertThat(cookies.backendIn(null)).isEmpty();
  }
}
