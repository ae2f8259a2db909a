package flynn.cli;

import flynn.api.config.Cluster;
import flynn.api.config.FlynnRc;
import flynn.cli.git.GitConfig;
import flynn.cli.git.RemoteApp;
import flynn.cli.git.RemoteApps;
import java.util.Optional;

/**
 * Which app and cluster a command acts on, as Flynn decides: {@code -a} (which may also name a git
 * remote), else {@code $FLYNN_APP}, else the repository's flynn git remote; the cluster of that
 * remote, else {@code -c} / {@code $FLYNN_CLUSTER}, else the default.
 */
public final class Targets {
  public static final String NO_APP =
      "no app specified: use -a APP or run in a directory with a flynn git remote";

  private Targets() {}

  public static Optional<RemoteApp> remoteApp(
      String appFlag, String envApp, String clusterName, FlynnRc rc, GitConfig git) {
    if (appFlag != null) {
      return RemoteApps.named(appFlag, git, rc.clusters(), clusterName);
    }
    if (envApp != null) {
      return Optional.empty();
    }
    return RemoteApps.find(git, rc.clusters(), clusterName);
  }

  public static String app(String appFlag, String envApp, Optional<RemoteApp> remote) {
    if (remote.isPresent()) {
      return remote.get().app();
    }
    if (appFlag != null) {
      return appFlag;
    }
    if (envApp != null) {
      return envApp;
    }
    throw new CliException(NO_APP);
  }

  public static Cluster cluster(String clusterName, FlynnRc rc, Optional<RemoteApp> remote) {
    return remote.map(RemoteApp::cluster).orElseGet(() -> rc.select(clusterName));
  }
}
