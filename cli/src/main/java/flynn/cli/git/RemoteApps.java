package flynn.cli.git;

import flynn.api.config.Cluster;
import flynn.cli.CliException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the app (and its cluster) from a repository's git remotes, as Flynn's CLI does. */
public final class RemoteApps {
  public static final String DEFAULT_REMOTE = "flynn";

  private RemoteApps() {}

  /** The app behind a remote URL, on a cluster whose git URL prefixes it. */
  public static Optional<RemoteApp> fromUrl(
      String remote, String url, List<Cluster> clusters, String clusterName) {
    for (Cluster c : clusters) {
      if (clusterName != null && !clusterName.isEmpty() && !c.name().equals(clusterName)) {
        continue;
      }
      String prefix = c.gitUrl() + "/";
      if (c.hasGit()
          && url.startsWith(prefix)
          && url.endsWith(".git")
          && url.length() > prefix.length() + 4) {
        return Optional.of(
            new RemoteApp(remote, c, url.substring(prefix.length(), url.length() - 4)));
      }
    }
    return Optional.empty();
  }

  /** The app behind the named remote, if that remote points at a cluster. */
  public static Optional<RemoteApp> named(
      String remote, GitConfig git, List<Cluster> clusters, String clusterName) {
    return git.remoteUrl(remote).flatMap(url -> fromUrl(remote, url, clusters, clusterName));
  }

  /**
   * The app of this repository: the remote set as {@code flynn.remote}, else the {@code flynn}
   * remote, else the only remote that points at a cluster. Several candidates are ambiguous.
   */
  public static Optional<RemoteApp> find(
      GitConfig git, List<Cluster> clusters, String clusterName) {
    if (git.flynnRemote().isPresent()) {
      String remote = git.flynnRemote().get();
      return Optional.of(
          named(remote, git, clusters, clusterName)
              .orElseThrow(
                  () -> new CliException("could not find app name in " + remote + " git remote")));
    }
    Optional<RemoteApp> flynn = named(DEFAULT_REMOTE, git, clusters, clusterName);
    if (flynn.isPresent()) {
      return flynn;
    }
    List<RemoteApp> all =
        git.remotes().entrySet().stream()
            .map(Map.Entry::getKey)
            .sorted()
            .flatMap(r -> named(r, git, clusters, clusterName).stream())
            .toList();
    if (all.size() > 1) {
      throw new CliException(
          "multiple apps in git remotes ("
              + String.join(", ", all.stream().map(RemoteApp::remote).toList())
              + "): specify one with -a");
    }
    return all.stream().findFirst();
  }
}
