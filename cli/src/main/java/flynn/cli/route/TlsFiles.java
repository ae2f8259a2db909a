package flynn.cli.route;

import flynn.api.router.Certificate;
import flynn.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code -c <tls-cert> -k <tls-key>} PEM files of an HTTP route. */
final class TlsFiles {
  private TlsFiles() {}

  /** The certificate the two files hold, or null when neither is given. */
  static Certificate read(Path cert, Path key) {
    if (cert == null && key == null) {
      return null;
    }
    if (cert == null || key == null) {
      throw new CliException(
          "both the TLS certificate (-c) and its private key (-k) need to be given");
    }
    return Certificate.of(read(cert, "certificate"), read(key, "private key"));
  }

  private static String read(Path file, String what) {
    if (file.toString().equals("-")) {
      throw new CliException(
          "reading the TLS " + what + " from stdin is not supported; give a file");
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new CliException("cannot read the TLS " + what + " " + file + ": " + e.getMessage());
    }
  }
}
