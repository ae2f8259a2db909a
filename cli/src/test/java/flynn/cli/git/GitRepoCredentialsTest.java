package flynn.cli.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a real {@code git} in a temp repository. */
class GitRepoCredentialsTest {
  private static final String GIT_URL = "http://git.localhost:8080";

  @TempDir Path dir;

  private GitRepo repo() throws IOException, InterruptedException {
    Process init = new ProcessBuilder("git", "init", "-q", dir.toString()).inheritIO().start();
    assertThat(init.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(init.exitValue()).isZero();
    return GitRepo.enclosing(dir).orElseThrow();
  }

  @Test
  void theRemoteNamesTheAppAndGitAsksTheFlynnHelperForThatUrlOnly() throws Exception {
    GitRepo repo = repo();

    repo.setRemote("flynn", GIT_URL + "/demo.git");
    repo.useCredentialHelper(GIT_URL, "/opt/flynn/bin/flynn");

    assertThat(repo.config().remoteUrl("flynn")).contains(GIT_URL + "/demo.git");
    assertThat(repo.configValue("credential." + GIT_URL + ".helper"))
        .contains("/opt/flynn/bin/flynn git-credentials");
    assertThat(repo.configValue("credential.helper")).isEmpty();
  }

  @Test
  void creatingAgainReplacesTheHelperInsteadOfAddingASecond() throws Exception {
    GitRepo repo = repo();

    repo.useCredentialHelper(GIT_URL, "/old/bin/flynn");
    repo.useCredentialHelper(GIT_URL, "/new/bin/flynn");

    assertThat(repo.configValue("credential." + GIT_URL + ".helper"))
        .contains("/new/bin/flynn git-credentials");
  }

  @Test
  void removingTheRemoteLeavesOtherRemotes() throws Exception {
    GitRepo repo = repo();
    repo.setRemote("origin", "http://example.invalid/x.git");
    repo.setRemote("flynn", GIT_URL + "/demo.git");

    repo.removeRemote("flynn");

    assertThat(repo.config().remotes()).containsOnlyKeys("origin");
  }
}
