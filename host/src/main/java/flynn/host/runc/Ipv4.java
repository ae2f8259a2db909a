package flynn.host.runc;

/** IPv4 addresses as unsigned 32-bit values, and the MAC address a job's interface gets. */
public final class Ipv4 {
  private Ipv4() {}

  public static long parse(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + address);
    }
    long value = 0;
    for (String part : parts) {
      int octet = octet(part, address);
      value = (value << 8) | octet;
    }
    return value;
  }

  private static int octet(String part, String address) {
    try {
      int octet = Integer.parseInt(part);
      if (octet < 0 || octet > 255 || part.isEmpty() || part.length() > 3) {
        throw new NumberFormatException();
      }
      return octet;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IPv4 address: " + address, e);
    }
  }

  public static String format(long value) {
    return ((value >> 24) & 0xff)
        + "."
        + ((value >> 16) & 0xff)
        + "."
        + ((value >> 8) & 0xff)
        + "."
        + (value & 0xff);
  }

  /**
   * A locally administered unicast MAC with the IP in its last four bytes, so a reused IP keeps its
   * MAC and the host's neighbour cache never points at a departed container.
   */
  public static String macFor(String address) {
    long ip = parse(address);
    return "02:42:%02x:%02x:%02x:%02x"
        .formatted((ip >> 24) & 0xff, (ip >> 16) & 0xff, (ip >> 8) & 0xff, ip & 0xff);
  }
}
