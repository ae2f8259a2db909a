package flynn.router.tls;

import static java.util.stream.Collectors.joining;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM text to and from JDK certificates and keys. Keys are written as PKCS#8 ({@code PRIVATE KEY});
 * PKCS#8, PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}) are read, as users
 * bring all three to {@code flynn route add -c -k}.
 */
final class Pem {
  private static final Pattern CERTIFICATE_BLOCK =
      Pattern.compile("-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

  private Pem() {}

  static String of(List<X509Certificate> chain) {
    return write(chain.toArray());
  }

  static String of(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null).generate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The certificates of a PEM chain, leaf first, ignoring other blocks (such as a key in the same
   * text); throws when there is none.
   */
  static List<X509Certificate> certificates(String pem) {
    String onlyCertificates =
        CERTIFICATE_BLOCK.matcher(pem).results().map(MatchResult::group).collect(joining("\n"));
    try {
      var factory = CertificateFactory.getInstance("X.509");
      var certs =
          factory
              .generateCertificates(
                  new ByteArrayInputStream(onlyCertificates.getBytes(StandardCharsets.UTF_8)))
              .stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("no certificate in the PEM text");
      }
      return certs;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("unreadable PEM certificate: " + e.getMessage(), e);
    }
  }

  static PrivateKey privateKey(String pem) {
    try (var parser = new PEMParser(new StringReader(pem))) {
      var converter = new JcaPEMKeyConverter();
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (object instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
      }
      throw new IllegalArgumentException("no private key in the PEM text");
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable PEM private key: " + e.getMessage(), e);
    }
  }

  private static String write(Object... objects) {
    var text = new StringWriter();
    try (var writer = new JcaPEMWriter(text)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
