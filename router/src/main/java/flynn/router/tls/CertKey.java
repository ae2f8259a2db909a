package flynn.router.tls;

/** A certificate chain and its private key, as PEM text. */
record CertKey(String chainPem, String keyPem) {
  @Override
  public String toString() {
    return "CertKey[key hidden]";
  }
}
