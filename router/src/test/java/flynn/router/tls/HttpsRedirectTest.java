package flynn.router.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.router.Route;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpsRedirectTest {
  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource({
    "demo.flynn.test, /a/b?x=1, 443, https://demo.flynn.test/a/b?x=1",
    "demo.flynn.test:8080, /, 443, https://demo.flynn.test/",
    "demo.flynn.test:8080, /p, 8443, https://demo.flynn.test:8443/p",
    "'[::1]:8080', /p, 8443, 'https://[::1]:8443/p'",
    "'[::1]', /p, 443, 'https://[::1]/p'",
    "demo.flynn.test, http://demo.flynn.test:80/x?y=2, 443, https://demo.flynn.test/x?y=2",
  })
  void locationKeepsHostPathAndQuery(String host, String uri, int port, String location) {
    assertThat(HttpsRedirect.location(host, uri, port)).isEqualTo(location);
  }

  @Test
  void responseIsAnEmptyPermanentRedirectThatKeepsTheMethod() {
    var request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/login");
    request.headers().set(HttpHeaderNames.HOST, "demo.flynn.test:80");

    var response = HttpsRedirect.response(request, 443, true);

    assertThat(response.status().code()).isEqualTo(308);
    assertThat(response.headers().get(HttpHeaderNames.LOCATION))
        .isEqualTo("https://demo.flynn.test/login");
    assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isZero();
    response.release();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "true, demo.flynn.test, /, true",
    "false, demo.flynn.test, /, false",
    "true, '', /, false",
    "true, demo.flynn.test, /.well-known/acme-challenge/abc, false",
    "true, demo.flynn.test, /.well-known/other, true",
  })
  void appliesToRedirectRoutesWithAHostExceptAcmeChallenges(
      boolean redirect, String host, String path, boolean applies) {
    Route route = Route.http("demo.flynn.test", null, "web").withHttpsRedirect(redirect);

    assertThat(HttpsRedirect.applies(route, host, path)).isEqualTo(applies);
  }

  @Test
  void requestWithoutHostCannotBeRedirected() {
    assertThatThrownBy(() -> HttpsRedirect.location(null, "/", 443))
        .hasMessageContaining("Host header");
  }
}
