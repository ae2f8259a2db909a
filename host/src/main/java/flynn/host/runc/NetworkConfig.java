package flynn.host.runc;

/**
 * The job network: a bridge on the host with the gateway address, and the prefix length of the
 * subnet jobs get their addresses from.
 */
public record NetworkConfig(String bridge, String gateway, int prefixLength) {
  public NetworkConfig {
    if (bridge.isEmpty() || bridge.length() > 15) {
      throw new IllegalArgumentException("bridge name must be 1-15 characters: " + bridge);
    }
    if (prefixLength < 8 || prefixLength > 30) {
      throw new IllegalArgumentException("prefix length must be 8-30: " + prefixLength);
    }
    Ipv4.parse(gateway);
  }

  public static NetworkConfig defaults() {
    return new NetworkConfig("flynnbr0", "100.100.0.1", 16);
  }

  public String gatewayCidr() {
    return gateway + "/" + prefixLength;
  }

  /** The jobs' subnet in CIDR form, e.g. {@code 100.100.0.0/16}. */
  public String subnetCidr() {
    long mask = (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
    return Ipv4.format(Ipv4.parse(gateway) & mask) + "/" + prefixLength;
  }
}
