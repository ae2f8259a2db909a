package flynn.discoverd;

/**
 * Where discoverd listens and which ZooKeeper ensemble holds its state.
 *
 * @param bindHost the HTTP listen address, e.g. {@code 127.0.0.1}
 * @param port the HTTP port, 0 for any free one
 * @param zkConnect the ZooKeeper connect string, e.g. {@code 127.0.0.1:2181}
 */
public record DiscoverdConfig(String bindHost, int port, String zkConnect) {
  public DiscoverdConfig {
    if (bindHost == null || bindHost.isBlank()) {
      throw new IllegalArgumentException("discoverd bindHost is required");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("discoverd port out of range: " + port);
    }
    if (zkConnect == null || zkConnect.isBlank()) {
      throw new IllegalArgumentException("discoverd zkConnect is required");
    }
  }
}
