package flynn.router.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's CA and certificate as PEM files in one directory. Each file is replaced atomically;
 * keys are created 0600 (never world-readable, not even for a moment).
 */
final class CaFiles {
  private static final Logger log = LoggerFactory.getLogger(CaFiles.class);
  static final String CA_CERT = "ca.pem";
  static final String CA_KEY = "ca-key.pem";
  static final String CERT = "cluster.pem";
  static final String KEY = "cluster-key.pem";

  private final Path dir;

  CaFiles(Path dir) {
    this.dir = dir;
  }

  /** The stored CA, or null when it is missing or unreadable. */
  Issued readAuthority() {
    return read(CA_CERT, CA_KEY);
  }

  /** The stored cluster certificate, or null when it is missing or unreadable. */
  Issued readCertificate() {
    return read(CERT, KEY);
  }

  void writeAuthority(Issued ca) {
    write(CA_KEY, Pem.of(ca.key()), "rw-------");
    write(CA_CERT, Pem.of(ca.chain()), "rw-r--r--");
  }

  void writeCertificate(Issued cert) {
    write(KEY, Pem.of(cert.key()), "rw-------");
    write(CERT, Pem.of(cert.chain()), "rw-r--r--");
  }

  private Issued read(String certFile, String keyFile) {
    try {
      String certPem = Files.readString(dir.resolve(certFile));
      String keyPem = Files.readString(dir.resolve(keyFile));
      return new Issued(Pem.certificates(certPem), Pem.privateKey(keyPem));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | IllegalArgumentException e) {
      log.warn(
          "event=tls_file_unreadable dir={} file={} error=\"{}\"", dir, certFile, e.getMessage());
      return null;
    }
  }

  private void write(String name, String text, String permissions) {
    writeAtomically(dir, name, text, permissions);
  }

  /** Replaces {@code dir/name} atomically with a file created with {@code permissions}. */
  static void writeAtomically(Path dir, String name, String text, String permissions) {
    try {
      Files.createDirectories(dir);
      Path tmp =
          Files.createTempFile(
              dir,
              name,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
    }
  }
}
