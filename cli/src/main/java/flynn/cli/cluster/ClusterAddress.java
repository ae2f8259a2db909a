package flynn.cli.cluster;

import flynn.cli.CliException;
import java.net.URI;

/**
 * The URLs of a cluster from what the user typed: a domain ({@code dev.example.com}, Flynn's form:
 * {@code https://controller.}, {@code https://git.}, {@code https://images.} of it), or a
 * controller URL ({@code http://controller.localhost:8081}), whose {@code controller.} host prefix
 * gives the git and image hosts.
 */
public record ClusterAddress(String controllerUrl, String gitUrl, String imageUrl) {
  private static final String CONTROLLER = "controller.";

  public static ClusterAddress parse(String input) {
    String s = stripTrailingSlash(input.strip());
    if (s.isEmpty()) {
      throw new CliException("missing controller URL or domain");
    }
    if (!s.contains("://")) {
      String domain = s.startsWith(CONTROLLER) ? s.substring(CONTROLLER.length()) : s;
      return new ClusterAddress(
          "https://" + CONTROLLER + domain, "https://git." + domain, "https://images." + domain);
    }
    URI uri = uri(s);
    String host = uri.getHost();
    if (host == null || !host.startsWith(CONTROLLER)) {
      return new ClusterAddress(s, "", "");
    }
    String domain = host.substring(CONTROLLER.length());
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String scheme = uri.getScheme() + "://";
    return new ClusterAddress(
        s, scheme + "git." + domain + port, scheme + "images." + domain + port);
  }

  private static URI uri(String s) {
    try {
      URI uri = URI.create(s);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new CliException("controller URL must be http:// or https://, got " + s);
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid controller URL " + s + ": " + e.getMessage());
    }
  }

  private static String stripTrailingSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
