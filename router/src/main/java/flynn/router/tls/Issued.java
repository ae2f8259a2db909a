package flynn.router.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key and its certificate chain, leaf first. */
record Issued(List<X509Certificate> chain, PrivateKey key) {
  Issued {
    chain = List.copyOf(chain);
  }

  X509Certificate certificate() {
    return chain.getFirst();
  }
}
