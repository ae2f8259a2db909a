package flynn.discoverd.dns;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Names built from labels that are already known to be valid. */
final class Names {
  private Names() {}

  /** {@code labels...} under {@code origin}, e.g. {@code under(discoverd., "ns")}. */
  static Name under(Name origin, String... labels) {
    try {
      return Name.fromString(String.join(".", labels), origin);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + String.join(".", labels), e);
    }
  }
}
