package flynn.appliances.platform;

/** Where a server listens: an instance address from discoverd, {@code host:port}. */
public record ServerAddress(String host, int port) {
  /** Parses discoverd's {@code host:port}. */
  public static ServerAddress parse(String addr) {
    int colon = addr.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a host:port address: " + addr);
    }
    return new ServerAddress(addr.substring(0, colon), Integer.parseInt(addr.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
