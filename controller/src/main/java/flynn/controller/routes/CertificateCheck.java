package flynn.controller.routes;

import flynn.api.http.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Collection;
import java.util.List;

/**
 * Checks a TLS certificate as Go's {@code tls.X509KeyPair} did for Flynn: the chain is PEM X.509
 * certificates, the key is a PEM private key (PKCS#8, or traditional RSA or EC), and the key
 * belongs to the first (leaf) certificate. Errors are validation errors on the given fields.
 */
public final class CertificateCheck {
  private static final byte[] NO_VERSION = Der.encode(Der.INTEGER, new byte[] {0});

  /** The JSON fields a certificate's parts came from, for the error. */
  public record Fields(String cert, String key) {}

  private CertificateCheck() {}

  public static void verify(String chainPem, String keyPem, Fields fields) {
    X509Certificate leaf = leaf(chainPem, fields.cert());
    PrivateKey key = privateKey(keyPem, leaf.getPublicKey(), fields.key());
    if (!matches(key, leaf.getPublicKey())) {
      throw ApiException.validation(
          fields.key(), "the private key does not belong to the certificate " + subject(leaf));
    }
  }

  private static X509Certificate leaf(String chainPem, String field) {
    Collection<? extends Certificate> chain;
    try {
      chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(chainPem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | RuntimeException e) {
      throw ApiException.validation(
          field, "the certificate is not a PEM X.509 certificate chain: " + e.getMessage());
    }
    if (chain.isEmpty() || !(chain.iterator().next() instanceof X509Certificate leaf)) {
      throw ApiException.validation(field, "the certificate has no PEM X.509 certificate");
    }
    return leaf;
  }

  private static PrivateKey privateKey(String keyPem, PublicKey certKey, String field) {
    List<Pem.Block> blocks;
    try {
      blocks = Pem.blocks(keyPem);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(field, "the private key is not valid PEM: " + e.getMessage());
    }
    Pem.Block block =
        blocks.stream()
            .filter(b -> b.type().endsWith("PRIVATE KEY"))
            .findFirst()
            .orElseThrow(() -> ApiException.validation(field, "no PEM private key found"));
    if (block.type().equals("ENCRYPTED PRIVATE KEY")) {
      throw ApiException.validation(
          field, "encrypted private keys are not supported (decrypt it with `openssl pkey`)");
    }
    byte[] pkcs8 =
        block.type().equals("PRIVATE KEY") ? block.der() : wrap(block.der(), certKey.getEncoded());
    try {
      return KeyFactory.getInstance(certKey.getAlgorithm())
          .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw ApiException.validation(
          field,
          "the private key is not a " + certKey.getAlgorithm() + " key matching the certificate");
    }
  }

  /**
   * A traditional key (PKCS#1 RSA, SEC1 EC) as PKCS#8, with the algorithm identifier of the
   * certificate's public key (its SubjectPublicKeyInfo starts with it).
   */
  private static byte[] wrap(byte[] traditional, byte[] subjectPublicKeyInfo) {
    byte[] algorithm = Der.element(subjectPublicKeyInfo, Der.contentStart(subjectPublicKeyInfo, 0));
    return Der.encode(
        Der.SEQUENCE, NO_VERSION, algorithm, Der.encode(Der.OCTET_STRING, traditional));
  }

  private static boolean matches(PrivateKey key, PublicKey certKey) {
    try {
      Signature signer = Signature.getInstance(signatureAlgorithm(certKey));
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(signatureAlgorithm(certKey));
      verifier.initVerify(certKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String signatureAlgorithm(PublicKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "EdDSA", "Ed25519" -> "Ed25519";
      case "Ed448" -> "Ed448";
      default -> key.getAlgorithm();
    };
  }

  private static String subject(X509Certificate cert) {
    return '"' + cert.getSubjectX500Principal().getName() + '"';
  }
}
