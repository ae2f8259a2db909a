package flynn.api.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code flynn git-credentials} helper in git's words: the config that makes git ask it for a
 * cluster's git URL, and its answer to git's {@code get} (the cluster key as the password, so no
 * key sits in a remote URL). Pure.
 */
public final class GitCredentials {
  /** The user name the helper answers with; gitreceive accepts any. */
  public static final String USERNAME = "flynn";

  private GitCredentials() {}

  /** The git config key naming the helper for {@code gitUrl}. */
  public static String helperKey(String gitUrl) {
    return "credential." + gitUrl + ".helper";
  }

  /**
   * The helper's config value: an absolute launcher path is run as is with its args; one with
   * spaces goes through the shell, quoted.
   */
  public static String helperValue(String launcher) {
    if (launcher.startsWith("/") && !launcher.matches(".*[\\s'\"\\\\].*")) {
      return launcher + " git-credentials";
    }
    return "!'" + launcher.replace("'", "'\\''") + "' git-credentials";
  }

  /**
   * The answer to git's {@code get} request ({@code protocol}, {@code host} with its port): the
   * credentials of the cluster whose git URL is that protocol and host, if any.
   */
  public static Optional<String> answer(Map<String, String> request, List<Cluster> clusters) {
    String protocol = request.get("protocol");
    String host = request.get("host");
    if (protocol == null || host == null) {
      return Optional.empty();
    }
    String asked = (protocol + "://" + host).toLowerCase(Locale.ROOT);
    return clusters.stream()
        .filter(c -> c.hasGit() && origin(c.gitUrl()).equals(asked))
        .findFirst()
        .map(c ->
            "protocol="
                + protocol
                + "\nhost="
                + host
                + "\nusername="
                + USERNAME
                + "\npassword="
                + c.key()
                + "\n");
  }

  /** {@code scheme://host[:port]} of a URL, lower case, without a path or trailing slash. */
  static String origin(String url) {
    int scheme = url.indexOf("://");
    int path = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    return (path < 0 ? url : url.substring(0, path)).toLowerCase(Locale.ROOT);
  }
}
