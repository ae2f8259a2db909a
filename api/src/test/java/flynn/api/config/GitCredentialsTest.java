package flynn.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitCredentialsTest {
  private static final List<Cluster> CLUSTERS =
      List.of(
          Cluster.of("other", "k-other", "", "http://127.0.0.1:9", "http://git.other:8080", ""),
          Cluster.of("nogit", "k-nogit", "", "http://127.0.0.1:8", "", ""),
          Cluster.of(
              "local", "k-local", "", "http://127.0.0.1:8081", "http://git.localhost:80/", ""));

  @Test
  void getAnswersWithTheKeyOfTheClusterWhoseGitUrlIsTheAskedHost() {
    assertThat(
            GitCredentials.answer(Map.of("protocol", "http", "host", "git.localhost:80"), CLUSTERS))
        .contains("protocol=http\nhost=git.localhost:80\nusername=flynn\npassword=k-local\n");
  }

  @Test
  void anotherHostPortOrProtocolGetsNoAnswer() {
    for (Map<String, String> asked :
        List.of(
            Map.of("protocol", "http", "host", "git.localhost:8080"),
            Map.of("protocol", "https", "host", "git.other:8080"),
            Map.of("protocol", "http", "host", "github.com"),
            Map.of("host", "git.other:8080"))) {
      assertThat(GitCredentials.answer(asked, CLUSTERS)).as(asked.toString()).isEmpty();
    }
  }

  @Test
  void theHelperIsConfiguredPerGitUrlWithTheLaunchersFullPath() {
    assertThat(GitCredentials.helperKey("http://git.localhost:8080"))
        .isEqualTo("credential.http://git.localhost:8080.helper");
    assertThat(GitCredentials.helperValue("/opt/flynn/bin/flynn"))
        .isEqualTo("/opt/flynn/bin/flynn git-credentials");
    assertThat(GitCredentials.helperValue("/home/me/my flynn/bin/flynn"))
        .isEqualTo("!'/home/me/my flynn/bin/flynn' git-credentials");
  }
}
