package flynn.router.tls;

import flynn.api.router.Certificate;
import flynn.api.router.Route;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Certificates and routes for tests: a throwaway CA issuing server certificates. */
final class TestCerts {
  private final CertIssuer issuer = new CertIssuer(Clock.systemUTC());
  private final Issued ca = issuer.authority("Test CA", Duration.ofDays(2));

  Issued ca() {
    return ca;
  }

  CertKey serverCert(String... names) {
    Issued cert = issuer.server(ca, List.of(names), Duration.ofDays(1));
    return new CertKey(Pem.of(cert.chain()), Pem.of(cert.key()));
  }

  static Route httpRoute(String domain, String path, CertKey cert) {
    var certificate = cert == null ? null : Certificate.of(cert.chainPem(), cert.keyPem());
    return Route.http(domain, path, "svc")
        .withId("r-" + domain + path)
        .withCertificate(certificate);
  }
}
