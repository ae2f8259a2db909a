package flynn.router.tls;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's own certificate authority and its certificate for {@code <domain>} and {@code
 * *.<domain>}, as PEM: the default certificate of the router's HTTPS listener, and the CA that
 * {@code GET /ca-cert} hands to clients.
 *
 * @param caCertPem the CA certificate, for clients to trust
 * @param certChainPem the cluster certificate followed by the CA certificate
 * @param keyPem the cluster certificate's private key (PKCS#8)
 * @param caKeyPem the CA's private key, for certificates of single names ({@link NameCertificates})
 * @param domain the cluster domain
 * @param dir where the PEM files are kept
 */
public record ClusterCa(
    String caCertPem,
    String certChainPem,
    String keyPem,
    String caKeyPem,
    String domain,
    Path dir) {
  private static final Logger log = LoggerFactory.getLogger(ClusterCa.class);
  static final Duration CA_VALIDITY = Duration.ofDays(3650);
  static final Duration CERT_VALIDITY = Duration.ofDays(365);

  @Override
  public String toString() {
    return "ClusterCa[key hidden]";
  }

  /**
   * Loads the CA and certificate stored under {@code dir}, creating them on a cluster's first
   * start, and replacing the certificate (or the CA too) when it is missing, unreadable, for
   * another domain or within {@link Renewal#MARGIN} of its end.
   */
  public static ClusterCa loadOrCreate(Path dir, String domain) {
    return loadOrCreate(dir, domain, Clock.systemUTC());
  }

  static ClusterCa loadOrCreate(Path dir, String domain, Clock clock) {
    var files = new CaFiles(dir);
    var issuer = new CertIssuer(clock);
    List<String> names = dnsNames(domain);
    Issued ca = files.readAuthority();
    Issued cert = files.readCertificate();
    Renewal renewal = Renewal.decide(ca, cert, names, clock.instant());
    if (renewal == Renewal.CREATE_AUTHORITY) {
      ca = issuer.authority("Flynn cluster CA " + domain, CA_VALIDITY);
      files.writeAuthority(ca);
    }
    if (renewal != Renewal.REUSE) {
      cert = issuer.server(ca, names, CERT_VALIDITY);
      files.writeCertificate(cert);
    }
    log.info(
        "event=cluster_tls dir={} domain={} action={} not_after={}",
        dir,
        domain,
        renewal.name().toLowerCase(),
        cert.certificate().getNotAfter().toInstant());
    return new ClusterCa(
        Pem.of(ca.chain()),
        Pem.of(cert.chain()),
        Pem.of(cert.key()),
        Pem.of(ca.key()),
        domain,
        dir);
  }

  /** The CA as certificate and key, to issue more certificates with. */
  Issued authority() {
    return new Issued(Pem.certificates(caCertPem), Pem.privateKey(caKeyPem));
  }

  static List<String> dnsNames(String domain) {
    return List.of(domain, "*." + domain);
  }
}
