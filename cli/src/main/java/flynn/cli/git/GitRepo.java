package flynn.cli.git;

import flynn.api.config.GitCredentials;
import flynn.cli.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The git repository enclosing a directory: read its config without running git, and change its
 * remotes with the {@code git} command.
 */
public final class GitRepo {
  private final Path workTree;
  private final Path configFile;

  private GitRepo(Path workTree, Path configFile) {
    this.workTree = workTree;
    this.configFile = configFile;
  }

  /** The repository containing {@code dir} (a {@code .git} directory, or a worktree's file). */
  public static Optional<GitRepo> enclosing(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      Path dotGit = d.resolve(".git");
      if (Files.isDirectory(dotGit)) {
        return Optional.of(new GitRepo(d, dotGit.resolve("config")));
      }
      if (Files.isRegularFile(dotGit)) {
        return Optional.of(new GitRepo(d, linkedConfig(dotGit)));
      }
    }
    return Optional.empty();
  }

  public Path workTree() {
    return workTree;
  }

  public GitConfig config() {
    try {
      return GitConfig.parse(Files.readString(configFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return GitConfig.EMPTY;
    }
  }

  /** Points {@code name} at {@code url}, replacing a remote of that name. */
  public void setRemote(String name, String url) {
    if (config().remotes().containsKey(name)) {
      removeRemote(name);
    }
    git("remote", "add", "--", name, url);
  }

  public void removeRemote(String name) {
    git("remote", "remove", name);
  }

  /**
   * Makes git ask {@code flynn git-credentials} ({@code launcher}) for the key when it talks to
   * {@code gitUrl}, in this repository's config.
   */
  public void useCredentialHelper(String gitUrl, String launcher) {
    git(
        "config",
        "--replace-all",
        GitCredentials.helperKey(gitUrl),
        GitCredentials.helperValue(launcher));
  }

  /** A value of this repository's git config (as git reads it), empty when unset. */
  public Optional<String> configValue(String key) {
    try {
      return Optional.of(git("config", "--get", key).strip());
    } catch (CliException unset) {
      return Optional.empty();
    }
  }

  private String git(String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workTree.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new CliException(String.join(" ", command) + " failed: " + output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new CliException("cannot run git (is it installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while running git");
    }
  }

  /** A worktree's {@code .git} file says {@code gitdir: <dir>}; shared config is in commondir. */
  private static Path linkedConfig(Path dotGitFile) {
    try {
      String content = Files.readString(dotGitFile, StandardCharsets.UTF_8).strip();
      Path gitDir =
          dotGitFile.getParent().resolve(content.replaceFirst("^gitdir:\\s*", "")).normalize();
      Path commonDir = gitDir.resolve("commondir");
      if (Files.isRegularFile(commonDir)) {
        String common = Files.readString(commonDir, StandardCharsets.UTF_8).strip();
        return gitDir.resolve(common).normalize().resolve("config");
      }
      return gitDir.resolve("config");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
