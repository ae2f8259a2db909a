package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5's acceptance as a user runs it: each app of {@code examples/} becomes a git repo, {@code
 * flynn create} adds the {@code flynn} remote, {@code git push flynn main} builds it with the
 * built-in buildpacks in the build stack and deploys it, and curl through the router gets its
 * answer. Then a second push, a push that does not compile, a push of another branch, and a release
 * that crashes on start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GitPushIT {
  // the first push on a fresh machine also builds the build stack (a few minutes)
  private static final Duration PUSH = Duration.ofMinutes(20);

  @TempDir static Path repos;
  private static Cluster cluster;

  @BeforeAll
  static void up() throws Exception {
    Machine.assumeContainers("GitPushIT", "runc", "git");
    cluster = Cluster.start(List.of("--runner", "runc"));
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @ParameterizedTest
  @Order(1)
  @ValueSource(strings = {"static", "nodejs", "java", "go", "python", "procfile"})
  void eachExampleDeploysWithGitPushAndAnswersThroughTheRouter(String example) throws Exception {
    Path repo = repoOf(example);
    String app = example + "-example";
    cluster.flynnIn(repo, "create", app).ok();

    Cluster.Result push = cluster.git(repo, PUSH, "push", "flynn", "main");

    assertThat(push.exit()).as("git push; its output:\n%s", push.err()).isZero();
    assertThat(push.err())
        .contains("remote: -----> ")
        .contains("Application deployed to http://" + app + ".localhost:" + cluster.httpPort);
    assertServes(app, "Hello from the " + example + " example");
  }

  @Test
  @Order(2)
  void aSecondPushServesTheNewReleaseAndBothReleasesAreListed() throws Exception {
    Path repo = repos.resolve("static");
    Path page = repo.resolve("public/index.html");
    Files.writeString(page, Files.readString(page).replace("Hello", "Hello again"));
    commit(repo, "second version");

    Cluster.Result push = cluster.git(repo, PUSH, "push", "flynn", "main").ok();

    assertThat(push.err())
        .as("the deployment's events, as the deployer sends them")
        .contains("remote: -----> Deploying release ")
        .contains("remote: -----> web job up");
    assertServes("static-example", "Hello again from the static example");
    String releases = cluster.flynnIn(repo, "release").ok().out();
    assertThat(releases.lines().skip(1).filter(l -> !l.isBlank())).hasSize(2);
  }

  @Test
  @Order(3)
  void aCommitThatDoesNotCompileFailsThePushAndTheAppKeepsServing() throws Exception {
    Path repo = repos.resolve("go");
    Files.writeString(repo.resolve("broken.go"), "package main\n\nfunc broken() { undefined() }\n");
    commit(repo, "does not compile");

    Cluster.Result push = cluster.git(repo, PUSH, "push", "flynn", "main");

    assertThat(push.exit())
        .as("git push of a broken commit; its output:\n%s", push.err())
        .isNotZero();
    assertThat(push.err()).contains("undefined: undefined").contains("pre-receive hook declined");
    assertServes("go-example", "Hello from the go example");
    assertThat(cluster.flynnIn(repo, "release").ok().out().lines().skip(1)).hasSize(1);
  }

  @Test
  @Order(4)
  void anotherBranchIsRefusedWithHowToPushIt() throws Exception {
    Path repo = repos.resolve("nodejs");
    cluster.git(repo, Duration.ofSeconds(30), "checkout", "-q", "-b", "feature").ok();

    Cluster.Result push = cluster.git(repo, PUSH, "push", "flynn", "feature");

    assertThat(push.exit()).isNotZero();
    assertThat(push.err()).contains("git push flynn feature:main");
  }

  @Test
  @Order(5)
  void aReleaseWhoseWebCrashesFailsThePushAndThePreviousReleaseKeepsServing() throws Exception {
    Path repo = repos.resolve("procfile");
    Files.writeString(repo.resolve("Procfile"), "web: echo cannot start; exit 3\n");
    commit(repo, "crashes on start");

    Cluster.Result push = cluster.git(repo, PUSH, "push", "flynn", "main");

    assertThat(push.exit())
        .as("git push of a crashing release; its output:\n%s", push.err())
        .isNotZero();
    assertThat(push.err())
        .contains("deploy failed: ")
        .containsAnyOf("exited with status 3", "cannot start")
        .contains("previous release");
    assertServes("procfile-example", "Hello from the procfile example");
    String scale = cluster.flynnIn(repo, "scale").ok().out();
    assertThat(scale).as("the formation is the one that served before").contains("web=1");
  }

  private static void assertServes(String app, String text) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> {
          Curl res = Curl.get(cluster.httpPort, app + ".localhost", "/");
          assertThat(res.status()).isEqualTo(200);
          assertThat(res.body()).contains(text);
        });
  }

  private static Path repoOf(String example) throws IOException {
    return AppRepo.of(cluster, example, repos.resolve(example));
  }

  private static void commit(Path repo, String message) {
    AppRepo.commit(cluster, repo, message);
  }
}
