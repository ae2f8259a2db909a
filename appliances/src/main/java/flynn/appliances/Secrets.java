package flynn.appliances;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random names and passwords: lower-case hex, from a cryptographic random source. */
public final class Secrets {
  private final SecureRandom random;

  public Secrets(SecureRandom random) {
    this.random = random;
  }

  public Secrets() {
    this(new SecureRandom());
  }

  /** {@code bytes} random bytes as {@code 2 * bytes} hex characters. */
  public String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A password of 48 hex characters. */
  public String password() {
    return hex(24);
  }

  /**
   * A user and database name: a letter, then 20 hex characters, so it needs no quoting in SQL or
   * URLs and fits every server's length limit.
   */
  public String name() {
    return "r" + hex(10);
  }
}
