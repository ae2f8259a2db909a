package flynn.cli.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.config.Cluster;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteAppsTest {
  static final Cluster DEV =
      Cluster.of(
          "dev", "k", "", "http://controller.localhost:8081", "http://git.localhost:8081", "");
  static final Cluster PROD =
      Cluster.of("prod", "k", "", "https://controller.example.com", "https://git.example.com", "");
  static final List<Cluster> CLUSTERS = List.of(DEV, PROD);

  static GitConfig remotes(Map<String, String> remotes) {
    return new GitConfig(remotes, Optional.empty());
  }

  @Test
  void appIsThePathOfTheGitUrlOnAKnownCluster() {
    assertThat(RemoteApps.fromUrl("flynn", "https://git.example.com/shop.git", CLUSTERS, null))
        .contains(new RemoteApp("flynn", PROD, "shop"));
    assertThat(RemoteApps.fromUrl("o", "https://github.com/x/shop.git", CLUSTERS, null)).isEmpty();
    assertThat(RemoteApps.fromUrl("f", "https://git.example.com/shop.git", CLUSTERS, "dev"))
        .isEmpty();
  }

  @Test
  void prefersTheFlynnRemote() {
    GitConfig git =
        remotes(
            Map.of(
                "flynn", "http://git.localhost:8081/demo.git",
                "prod", "https://git.example.com/shop.git"));

    assertThat(RemoteApps.find(git, CLUSTERS, null)).contains(new RemoteApp("flynn", DEV, "demo"));
  }

  @Test
  void usesTheOnlyClusterRemoteOrRefusesToGuess() {
    GitConfig one =
        remotes(
            Map.of(
                "origin", "git@github.com:me/x.git", "prod", "https://git.example.com/shop.git"));
    GitConfig two =
        remotes(
            Map.of(
                "a", "http://git.localhost:8081/demo.git",
                "b", "https://git.example.com/shop.git"));

    assertThat(RemoteApps.find(one, CLUSTERS, null)).map(RemoteApp::app).contains("shop");
    assertThatThrownBy(() -> RemoteApps.find(two, CLUSTERS, null))
        .hasMessage("multiple apps in git remotes (a, b): specify one with -a");
    assertThat(RemoteApps.find(GitConfig.EMPTY, CLUSTERS, null)).isEmpty();
  }

  @Test
  void flynnRemoteSettingNamesTheRemote() {
    GitConfig git =
        new GitConfig(Map.of("deploy", "https://git.example.com/shop.git"), Optional.of("deploy"));
    GitConfig broken = new GitConfig(Map.of(), Optional.of("deploy"));

    assertThat(RemoteApps.find(git, CLUSTERS, null)).map(RemoteApp::cluster).contains(PROD);
    assertThatThrownBy(() -> RemoteApps.find(broken, CLUSTERS, null))
        .hasMessage("could not find app name in deploy git remote");
  }
}
