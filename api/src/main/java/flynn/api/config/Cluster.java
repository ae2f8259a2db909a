package flynn.api.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code [[cluster]]} table of the CLI config, with Flynn's keys. {@code extra} keeps keys this
 * implementation does not model (e.g. {@code OAuthURL}, {@code DockerPushURL}) as raw TOML values,
 * so rewriting the file does not lose them. Empty strings mean "not set".
 */
public record Cluster(
    String name,
    String key,
    String tlsPin,
    String controllerUrl,
    String gitUrl,
    String imageUrl,
    Map<String, String> extra) {

  public Cluster {
    Objects.requireNonNull(name, "name");
    key = orEmpty(key);
    tlsPin = orEmpty(tlsPin);
    controllerUrl = orEmpty(controllerUrl);
    gitUrl = orEmpty(gitUrl);
    imageUrl = orEmpty(imageUrl);
    extra =
        extra == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  public static Cluster of(
      String name,
      String key,
      String tlsPin,
      String controllerUrl,
      String gitUrl,
      String imageUrl) {
    return new Cluster(name, key, tlsPin, controllerUrl, gitUrl, imageUrl, Map.of());
  }

  public boolean hasGit() {
    return !gitUrl.isEmpty();
  }

  /** The git remote URL of an app on this cluster: {@code <GitURL>/<app>.git}. */
  public String gitUrlOf(String app) {
    return gitUrl + "/" + app + ".git";
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
