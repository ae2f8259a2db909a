package flynn.controller.routes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made for a test with the JDK's {@code keytool} (no key is committed).
 */
public final class TestCertificates {
  private static final String PASSWORD = "test-only";

  /** A PEM certificate and its PEM (PKCS#8) private key. */
  public record Pair(String cert, String key, byte[] pkcs8) {}

  private TestCertificates() {}

  /**
   * @param algorithm {@code RSA} or {@code EC}
   */
  public static Pair generate(Path dir, String domain, String algorithm)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path store = Files.createTempFile(dir, "keystore", ".p12");
    Files.delete(store);
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    keytool,
                    "-genkeypair",
                    "-alias",
                    "route",
                    "-keyalg",
                    algorithm,
                    "-keysize",
                    algorithm.equals("EC") ? "256" : "2048",
                    "-dname",
                    "CN=" + domain,
                    "-ext",
                    "SAN=dns:" + domain,
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    store.toString(),
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD))
            .redirectErrorStream(true)
            .start();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("keytool failed: " + new String(output));
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    Certificate cert = ks.getCertificate("route");
    PrivateKey key = (PrivateKey) ks.getKey("route", PASSWORD.toCharArray());
    return new Pair(
        pem("CERTIFICATE", cert.getEncoded()),
        pem("PRIVATE KEY", key.getEncoded()),
        key.getEncoded());
  }

  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
