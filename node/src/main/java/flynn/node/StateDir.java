package flynn.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The node's state directory: the cluster key and host id made on first start and kept, and the
 * folders of each role.
 */
public final class StateDir {
  private final Path root;

  public StateDir(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path resolve(String name) {
    return root.resolve(name);
  }

  public void create() {
    try {
      Files.createDirectories(root);
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create state dir " + root, e);
    }
  }

  /** The cluster key: HTTP Basic password of every API. Generated on first start. */
  public String clusterKey() {
    return secret("cluster-key", () -> HexFormat.of().formatHex(randomBytes(32)));
  }

  /** This machine's host id, stable across restarts. */
  public String hostId() {
    return secret(
        "host-id", () -> "host" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
  }

  private String secret(String name, java.util.function.Supplier<String> generate) {
    Path file = root.resolve(name);
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      String value = generate.get();
      Path tmp = root.resolve(name + ".tmp");
      Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
