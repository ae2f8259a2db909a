package flynn.controller.cluster;

import flynn.api.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;

/**
 * {@code GET /ca-cert}: the cluster CA certificate in PEM, without authentication (as Flynn's), so
 * a client can pin the cluster's TLS before it holds the key.
 */
public final class CaCertHandler {
  public static final String PATH = "/ca-cert";

  private final String caCertPem;

  /**
   * @param caCertPem the CA certificate, or null when the cluster has none
   */
  public CaCertHandler(String caCertPem) {
    this.caCertPem = caCertPem;
  }

  public void routes(HttpRouting.Builder r) {
    r.get(
        PATH,
        (req, res) -> {
          if (caCertPem == null) {
            throw new ApiException(
                404, ApiException.NOT_FOUND, "this cluster has no CA certificate (no TLS)", null);
          }
          res.header(HeaderNames.CONTENT_TYPE, "application/x-x509-ca-cert");
          res.send(caCertPem);
        });
  }
}
