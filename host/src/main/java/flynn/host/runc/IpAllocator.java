package flynn.host.runc;

import java.util.Optional;
import java.util.Set;

/**
 * Picks job addresses in the network's subnet: the lowest address that is not the network or
 * broadcast address, not the gateway, and not taken. Addresses are reused; each keeps its MAC (see
 * {@link Ipv4#macFor}), so reuse is safe for the neighbour caches.
 */
public final class IpAllocator {
  private final long first;
  private final long last;
  private final long gateway;

  public IpAllocator(NetworkConfig network) {
    long mask = (0xffffffffL << (32 - network.prefixLength())) & 0xffffffffL;
    this.gateway = Ipv4.parse(network.gateway());
    long base = gateway & mask;
    this.first = base + 1;
    this.last = (base | (~mask & 0xffffffffL)) - 1;
  }

  /** The lowest free address, or empty when the subnet is full. */
  public Optional<String> next(Set<String> taken) {
    for (long candidate = first; candidate <= last; candidate++) {
      String address = Ipv4.format(candidate);
      if (candidate != gateway && !taken.contains(address)) {
        return Optional.of(address);
      }
    }
    return Optional.empty();
  }

  public boolean contains(String address) {
    long value = Ipv4.parse(address);
    return value >= first && value <= last && value != gateway;
  }
}
