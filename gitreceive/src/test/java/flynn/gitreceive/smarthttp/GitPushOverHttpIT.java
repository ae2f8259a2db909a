package flynn.gitreceive.smarthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.App;
import flynn.gitreceive.GitReceiveConfig;
import flynn.gitreceive.GitReceiveServer;
import flynn.gitreceive.push.Push;
import flynn.gitreceive.push.PushDeploy;
import flynn.gitreceive.push.PushFailedException;
import flynn.gitreceive.push.PushLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JGit client pushing over HTTP to the server, with the deploy played by a stand-in. */
class GitPushOverHttpIT {
  static final String KEY = "cluster-key";
  static final App DEMO =
      new App(
          "0c5a6b6e-4a8f-4c49-9d7e-2f6c1d3e9a10", "demo", Map.of(), null, null, null, null, null);

  @TempDir Path tmp;

  final StandInDeploy deploy = new StandInDeploy();
  GitReceiveServer server;
  Git work;

  @BeforeEach
  void start() throws Exception {
    server =
        GitReceiveServer.start(
            new GitReceiveConfig("127.0.0.1", 0, KEY, tmp.resolve("repos")),
            name ->
                name.equals("demo") || name.equals(DEMO.id())
                    ? Optional.of(DEMO)
                    : Optional.empty(),
            deploy);
    work = Git.init().setInitialBranch("main").setDirectory(tmp.resolve("work").toFile()).call();
  }

  @AfterEach
  void stop() {
    work.close();
    server.close();
  }

  @Test
  void pushToMainDeploysTheCommitAndShowsItsLines() throws Exception {
    RevCommit commit = commit("index.html", "hello");

    PushResult result = push("demo", "main", KEY);

    assertThat(status(result)).isEqualTo(RemoteRefUpdate.Status.OK);
    assertThat(deploy.pushes).singleElement().isEqualTo(commit.name());
    assertThat(result.getMessages()).contains("-----> Building demo...");
    assertThat(serverRef("refs/heads/main")).isEqualTo(commit.getId());
  }

  @Test
  void theAppCanBeNamedByItsId() throws Exception {
    commit("index.html", "hello");

    assertThat(status(push(DEMO.id(), "main", KEY))).isEqualTo(RemoteRefUpdate.Status.OK);
  }

  @Test
  void aFailedDeployRefusesThePushAndLeavesTheRefAsItWas() throws Exception {
    RevCommit first = commit("index.html", "v1");
    push("demo", "main", KEY);
    commit("index.html", "v2");
    deploy.failWith = "compile error: missing semicolon";

    PushResult result = push("demo", "main", KEY);

    RemoteRefUpdate update = result.getRemoteUpdate("refs/heads/main");
    assertThat(update.getStatus()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
    assertThat(update.getMessage()).isEqualTo("pre-receive hook declined");
    assertThat(result.getMessages()).contains("compile error: missing semicolon");
    assertThat(serverRef("refs/heads/main")).isEqualTo(first.getId());
  }

  @Test
  void anotherBranchIsRefusedWithHowToPushIt() throws Exception {
    commit("index.html", "hello");

    PushResult result = push("demo", "main:refs/heads/feature", KEY);

    RemoteRefUpdate update = result.getRemoteUpdate("refs/heads/feature");
    assertThat(update.getStatus()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
    assertThat(update.getMessage()).contains("git push flynn feature:main");
    assertThat(deploy.pushes).isEmpty();
    assertThat(serverRef("refs/heads/feature")).isNull();
  }

  @Test
  void deletingMainIsRefused() throws Exception {
    commit("index.html", "hello");
    push("demo", "main", KEY);

    PushResult result = push("demo", ":refs/heads/main", KEY);

    assertThat(result.getRemoteUpdate("refs/heads/main").getStatus())
        .isNotEqualTo(RemoteRefUpdate.Status.OK);
    assertThat(serverRef("refs/heads/main")).isNotNull();
  }

  @Test
  void aWrongKeyIsNotAuthorized() throws Exception {
    commit("index.html", "hello");

    assertThatThrownBy(() -> push("demo", "main", "wrong"))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("not authorized");
    assertThat(deploy.pushes).isEmpty();
  }

  @Test
  void anUnknownAppIsRefusedWithItsName() throws Exception {
    commit("index.html", "hello");

    assertThatThrownBy(() -> push("nosuchapp", "main", KEY))
        .hasMessageContaining("no app named nosuchapp exists");
  }

  @Test
  void aSecondPushWhileABuildRunsIsRefused() throws Exception {
    commit("index.html", "v1");
    deploy.hold = new CountDownLatch(1);
    CompletableFuture<PushResult> first = CompletableFuture.supplyAsync(() -> pushUnchecked());
    try {
      assertThat(deploy.started.await(10, TimeUnit.SECONDS)).isTrue();
      try (Git other =
          Git.cloneRepository()
              .setURI(work.getRepository().getDirectory().toURI().toString())
              .setDirectory(tmp.resolve("other").toFile())
              .call()) {
        PushResult second = pushFrom(other, "demo", "main", KEY);
        RemoteRefUpdate update = second.getRemoteUpdate("refs/heads/main");
        assertThat(update.getStatus()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
        assertThat(update.getMessage())
            .isEqualTo("a build of demo is running; push again when it ends");
      }
    } finally {
      deploy.hold.countDown();
    }
    assertThat(status(first.get(30, TimeUnit.SECONDS))).isEqualTo(RemoteRefUpdate.Status.OK);
  }

  @Test
  void aPushedAppCanBeCloned() throws Exception {
    RevCommit commit = commit("index.html", "hello");
    push("demo", "main", KEY);

    try (Git clone =
        Git.cloneRepository()
            .setURI(url("demo"))
            .setCredentialsProvider(credentials(KEY))
            .setDirectory(tmp.resolve("clone").toFile())
            .call()) {
      assertThat(clone.getRepository().resolve("HEAD")).isEqualTo(commit.getId());
    }
  }

  private RevCommit commit(String file, String content) throws Exception {
    Files.writeString(work.getRepository().getWorkTree().toPath().resolve(file), content);
    work.add().addFilepattern(file).call();
    return work.commit().setMessage("change " + file).setSign(false).call();
  }

  private PushResult push(String app, String refSpec, String key) throws Exception {
    return pushFrom(work, app, refSpec, key);
  }

  private PushResult pushUnchecked() {
    try {
      return push("demo", "main", KEY);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private PushResult pushFrom(Git git, String app, String refSpec, String key) throws Exception {
    Iterable<PushResult> results =
        git.push()
            .setRemote(url(app))
            .setRefSpecs(new RefSpec(refSpec))
            .setCredentialsProvider(credentials(key))
            .call();
    return results.iterator().next();
  }

  private String url(String app) {
    return "http://127.0.0.1:" + server.port() + "/" + app + ".git";
  }

  private static UsernamePasswordCredentialsProvider credentials(String key) {
    return new UsernamePasswordCredentialsProvider("flynn", key);
  }

  private static RemoteRefUpdate.Status status(PushResult result) {
    return result.getRemoteUpdates().iterator().next().getStatus();
  }

  private ObjectId serverRef(String ref) throws IOException {
    try (Repository repo =
        new FileRepositoryBuilder()
            .setGitDir(tmp.resolve("repos").resolve(DEMO.id() + ".git").toFile())
            .build()) {
      return repo.resolve(ref);
    }
  }

  /** Records the commits it deploys; can fail or hold a deploy until released. */
  static final class StandInDeploy implements PushDeploy {
    final List<String> pushes = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    volatile String failWith;
    volatile CountDownLatch hold;

    @Override
    public void deploy(Push push, PushLog log) {
      log.line("-----> Building " + push.app().name() + "...");
      started.countDown();
      awaitRelease();
      if (failWith != null) {
        log.line(failWith);
        throw new PushFailedException("build failed");
      }
      pushes.add(push.commit());
    }

    private void awaitRelease() {
      try {
        if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
          throw new PushFailedException("test deploy was never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PushFailedException("interrupted");
      }
    }
  }
}
