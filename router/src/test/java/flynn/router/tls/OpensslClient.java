package flynn.router.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@code openssl s_client}: what a handshake with a given server name shows. */
final class OpensslClient {
  private OpensslClient() {}

  /**
   * The client's report (subject, issuer, ALPN), with the spaces openssl puts around '=' removed.
   */
  static String handshake(int port, String serverName, Duration timeout)
      throws IOException, InterruptedException {
    var process =
        new ProcessBuilder(
                "openssl",
                "s_client",
                "-connect",
                "127.0.0.1:" + port,
                "-servername",
                serverName,
                "-alpn",
                "h2,http/1.1")
            .redirectErrorStream(true)
            .start();
    try {
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("openssl s_client did not finish within " + timeout);
      }
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .replace(" = ", "=");
    } finally {
      process.destroyForcibly();
    }
  }
}
