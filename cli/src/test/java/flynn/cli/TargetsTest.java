package flynn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.config.Cluster;
import flynn.api.config.FlynnRc;
import flynn.cli.git.GitConfig;
import flynn.cli.git.RemoteApp;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {
  static final Cluster DEV =
      Cluster.of(
          "dev", "k", "", "http://controller.localhost:8081", "http://git.localhost:8081", "");
  static final Cluster PROD =
      Cluster.of("prod", "k", "", "https://controller.example.com", "https://git.example.com", "");
  static final FlynnRc RC = FlynnRc.empty().upsert(DEV, true).upsert(PROD, false);
  static final GitConfig REPO =
      new GitConfig(Map.of("flynn", "https://git.example.com/shop.git"), Optional.empty());

  @Test
  void appFlagWinsOverTheGitRemote() {
    Optional<RemoteApp> remote = Targets.remoteApp("other", null, null, RC, REPO);

    assertThat(Targets.app("other", null, remote)).isEqualTo("other");
    assertThat(Targets.cluster(null, RC, remote)).isEqualTo(DEV);
  }

  @Test
  void appFlagNamingARemoteUsesThatRemotesAppAndCluster() {
    Optional<RemoteApp> remote = Targets.remoteApp("flynn", null, null, RC, REPO);

    assertThat(Targets.app("flynn", null, remote)).isEqualTo("shop");
    assertThat(Targets.cluster(null, RC, remote)).isEqualTo(PROD);
  }

  @Test
  void gitRemoteGivesAppAndCluster() {
    Optional<RemoteApp> remote = Targets.remoteApp(null, null, null, RC, REPO);

    assertThat(Targets.app(null, null, remote)).isEqualTo("shop");
    assertThat(Targets.cluster(null, RC, remote)).isEqualTo(PROD);
  }

  @Test
  void environmentAppSkipsTheRemoteAndUsesTheDefaultCluster() {
    Optional<RemoteApp> remote = Targets.remoteApp(null, "envapp", null, RC, REPO);

    assertThat(Targets.app(null, "envapp", remote)).isEqualTo("envapp");
    assertThat(Targets.cluster(null, RC, remote)).isEqualTo(DEV);
    assertThat(Targets.cluster("prod", RC, remote)).isEqualTo(PROD);
  }

  @Test
  void noAppIsAClearError() {
    Optional<RemoteApp> remote = Targets.remoteApp(null, null, null, RC, GitConfig.EMPTY);

    assertThatThrownBy(() -> Targets.app(null, null, remote))
        .isInstanceOf(CliException.class)
        .hasMessage("no app specified: use -a APP or run in a directory with a flynn git remote");
  }
}
