package flynn.http.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestHeadTest {
  private static final String HEAD =
      "POST /apps/a1/jobs?x=1 HTTP/1.1\r\nHost: h\r\nUpgrade: flynn-attach/0\r\n"
          + "Content-Length: 12\r\n\r\n";

  @Test
  void theHeadEndsAtItsBlankLine() {
    byte[] bytes = (HEAD + "{\"args\":[]}\n").getBytes(StandardCharsets.ISO_8859_1);

    assertThat(RequestHead.length(bytes)).isEqualTo(HEAD.length());
    assertThat(RequestHead.length("POST / HTTP/1.1\r\nHost: h\r\n".getBytes())).isEqualTo(-1);
  }

  @Test
  void headersAreReadCaseInsensitivelyAndThePathLosesItsQuery() {
    RequestHead head = RequestHead.parse(HEAD.getBytes(StandardCharsets.ISO_8859_1));

    assertThat(head.method()).isEqualTo("POST");
    assertThat(head.path()).isEqualTo("/apps/a1/jobs");
    assertThat(head.upgradesTo("flynn-attach/0")).isTrue();
    assertThat(head.contentLength()).isEqualTo(12);
  }

  @Test
  void routesMatchTheirParametersAndNothingElse() {
    UpgradeRoute route = new UpgradeRoute("POST", "/apps/{id}/jobs", "p", u -> {});

    assertThat(route.match("POST", "/apps/a1/jobs"))
        .hasValueSatisfying(p -> assertThat(p).containsEntry("id", "a1"));
    assertThat(route.match("GET", "/apps/a1/jobs")).isEmpty();
    assertThat(route.match("POST", "/apps/a1/jobs/j1")).isEmpty();
    assertThat(route.match("POST", "/apps//jobs")).isEmpty();
  }
}
