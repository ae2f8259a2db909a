package flynn.discoverd.dns;

import flynn.api.discoverd.Instance;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.xbill.DNS.Address;
import org.xbill.DNS.Type;

/** An instance's {@code host:port} as an IP address and port; only IP literals qualify. */
record InstanceAddress(String id, String proto, InetAddress ip, int port) {
  static Optional<InstanceAddress> of(Instance instance) {
    String addr = instance.addr();
    int colon = addr == null ? -1 : addr.lastIndexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String host = addr.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(addr.substring(colon + 1));
      if (port < 0 || port > 65_535) {
        return Optional.empty();
      }
      InetAddress ip = Address.getByAddress(host);
      return Optional.of(new InstanceAddress(instance.id(), instance.proto(), ip, port));
    } catch (NumberFormatException | UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The address record type of this IP: A or AAAA. */
  int addressType() {
    return ip instanceof Inet4Address ? Type.A : Type.AAAA;
  }
}
