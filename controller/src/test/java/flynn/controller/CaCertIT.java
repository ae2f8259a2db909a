package flynn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class CaCertIT extends ControllerTestBase {
  private static final String CA_PEM =
      "-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----\n";

  @Override
  String caCertPem() {
    return CA_PEM;
  }

  @Test
  void caCertIsServedWithoutTheClusterKey() throws Exception {
    var res =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/ca-cert")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEqualTo(CA_PEM);
    assertThat(res.headers().firstValue("Content-Type")).hasValue("application/x-x509-ca-cert");
    assertThat(client.caCert()).isEqualTo(CA_PEM);
  }
}
