package flynn.router.tls;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a cluster's stored CA and certificate need at start: a pure decision over what is stored.
 */
enum Renewal {
  REUSE,
  ISSUE_CERTIFICATE,
  CREATE_AUTHORITY;

  /** Certificates this close to their end are replaced, so a restart never serves a dying one. */
  static final Duration MARGIN = Duration.ofDays(30);

  private static final int DNS_NAME = 2;

  /**
   * @param ca the stored CA, null when missing or unreadable
   * @param cert the stored cluster certificate chain and key, null when missing or unreadable
   */
  static Renewal decide(Issued ca, Issued cert, List<String> dnsNames, Instant now) {
    if (ca == null || !usable(ca, now)) {
      return CREATE_AUTHORITY;
    }
    if (cert == null
        || !usable(cert, now)
        || !signedBy(cert.certificate(), ca.certificate())
        || !dnsNames(cert.certificate()).equals(Set.copyOf(dnsNames))) {
      return ISSUE_CERTIFICATE;
    }
    return REUSE;
  }

  private static boolean usable(Issued issued, Instant now) {
    var cert = issued.certificate();
    return cert.getNotAfter().toInstant().isAfter(now.plus(MARGIN))
        && !cert.getNotBefore().toInstant().isAfter(now)
        && Keys.match(issued.key(), cert.getPublicKey());
  }

  private static boolean signedBy(X509Certificate cert, X509Certificate ca) {
    try {
      cert.verify(ca.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static Set<String> dnsNames(X509Certificate cert) {
    try {
      var names = new HashSet<String>();
      var sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (san.get(0) instanceof Integer type && type == DNS_NAME) {
            names.add((String) san.get(1));
          }
        }
      }
      return names;
    } catch (CertificateParsingException e) {
      return Set.of();
    }
  }
}
