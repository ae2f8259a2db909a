package flynn.gitreceive.repos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The apps' bare repositories, {@code <root>/<app-id>.git}, each created on first use. */
public final class Repositories {
  private final Path root;

  public Repositories(Path root) {
    this.root = root;
  }

  public Path dir(String appId) {
    return root.resolve(appId + ".git");
  }

  /** Opens the app's repository, creating an empty one first if needed; the caller closes it. */
  public Repository open(String appId) {
    Path dir = dir(appId);
    try {
      if (!Files.exists(dir.resolve("HEAD"))) {
        create(dir);
      }
      return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the repository of app " + appId, e);
    }
  }

  private synchronized void create(Path dir) throws IOException {
    if (Files.exists(dir.resolve("HEAD"))) {
      return;
    }
    Files.createDirectories(root);
    try (Git git =
        Git.init().setBare(true).setInitialBranch("main").setGitDir(dir.toFile()).call()) {
      git.getRepository().getConfig().setBoolean("receive", null, "denyDeletes", true);
      git.getRepository().getConfig().save();
    } catch (GitAPIException e) {
      throw new IOException("git init " + dir + " failed: " + e.getMessage(), e);
    }
  }
}
