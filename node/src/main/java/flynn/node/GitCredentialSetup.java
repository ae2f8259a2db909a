package flynn.node;

import flynn.api.config.GitCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the user's git ask {@code flynn git-credentials} for the cluster's git URL (in the global
 * git config, as Flynn's {@code cluster add} did), so {@code git push} needs no key in the remote.
 * A machine without git only gets a warning: nothing else depends on it.
 */
final class GitCredentialSetup {
  private static final Logger LOG = LoggerFactory.getLogger(GitCredentialSetup.class);

  /** Set by bin/flynn-host: the flynn launcher beside it. */
  static final String LAUNCHER_PROPERTY = "flynn.cli";

  private GitCredentialSetup() {}

  static void configure(String gitUrl, String launcher) {
    List<String> command =
        List.of(
            "git",
            "config",
            "--global",
            GitCredentials.helperKey(gitUrl),
            GitCredentials.helperValue(launcher));
    try {
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (git.waitFor() != 0) {
        LOG.warn("event=git-credential-helper-not-set error=\"{}\"", output.strip());
        return;
      }
      LOG.info("event=git-credential-helper-set git_url={} launcher={}", gitUrl, launcher);
    } catch (IOException e) {
      LOG.warn("event=git-credential-helper-not-set error=\"cannot run git: {}\"", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
