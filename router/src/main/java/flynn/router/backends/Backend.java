package flynn.router.backends;

/**
 * One instance of a routed service: its {@code ip:port} and, when discoverd knows them, the app and
 * job it belongs to.
 */
public record Backend(String service, String addr, String app, String jobId) {

  public String host() {
    int colon = addr.lastIndexOf(':');
    String h = colon < 0 ? addr : addr.substring(0, colon);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  public int port() {
    return Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
  }
}
