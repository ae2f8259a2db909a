package flynn.cli.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitConfigTest {
  static final String CONFIG =
      """
      [core]
      \trepositoryformatversion = 0
      [remote "origin"]
      \turl = git@github.com:me/app.git
      \tfetch = +refs/heads/*:refs/remotes/origin/*
      [Remote "flynn"]
      \tURL = "http://git.localhost:8081/demo.git" ; a comment
      [remote.legacy]
      \turl = http://old/x.git
      [flynn]
      \tremote = flynn
      """;

  @Test
  void readsRemotesAndFlynnRemoteCaseInsensitively() {
    GitConfig c = GitConfig.parse(CONFIG);

    assertThat(c.remotes())
        .containsEntry("origin", "git@github.com:me/app.git")
        .containsEntry("flynn", "http://git.localhost:8081/demo.git")
        .containsEntry("legacy", "http://old/x.git");
    assertThat(c.flynnRemote()).contains("flynn");
  }

  @Test
  void emptyConfigHasNoRemotes() {
    assertThat(GitConfig.parse("")).isEqualTo(GitConfig.EMPTY);
    assertThat(GitConfig.parse("[core]\n bare = false\n").flynnRemote())
        .isEqualTo(Optional.empty());
  }

  @Test
  void findsTheEnclosingRepositoryFromASubdirectory(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("repo/.git"));
    Files.writeString(dir.resolve("repo/.git/config"), CONFIG);
    Path sub = Files.createDirectories(dir.resolve("repo/src/main"));

    GitRepo repo = GitRepo.enclosing(sub).orElseThrow();

    assertThat(repo.workTree()).isEqualTo(dir.resolve("repo"));
    assertThat(repo.config().remoteUrl("flynn")).contains("http://git.localhost:8081/demo.git");
  }

  @Test
  void followsAWorktreeGitFileToTheSharedConfig(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("main/.git/worktrees/wt"));
    Files.writeString(dir.resolve("main/.git/config"), CONFIG);
    Files.writeString(dir.resolve("main/.git/worktrees/wt/commondir"), "../..\n");
    Files.createDirectories(dir.resolve("wt"));
    Files.writeString(dir.resolve("wt/.git"), "gitdir: ../main/.git/worktrees/wt\n");

    GitRepo repo = GitRepo.enclosing(dir.resolve("wt")).orElseThrow();

    assertThat(repo.config().remotes()).containsKey("flynn");
  }
}
