package flynn.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The build script and the built-in buildpacks on each example, in the real build stack; the slug
 * then runs in the run stack and answers over HTTP. Needs root and the stack layers built under
 * {@code /var/cache/flynn/stacks} ({@code bin/flynn-host stack build build}); skipped otherwise.
 * Each example's build cache is kept in {@code target/build-cache/} for the next run.
 */
class BuildIT {
  private static final Path EXAMPLES = Path.of("../examples");
  private static final Path CACHES = Path.of("target/build-cache");
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
  private static final StackSandbox SANDBOX = new StackSandbox(StackSandbox.STACKS);

  @TempDir Path temp;

  @BeforeAll
  static void needsTheStacks() {
    assumeTrue(
        StackSandbox.available("base", "run", "build"),
        "BuildIT needs root and the base, run and build stacks in " + StackSandbox.STACKS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "static, Static",
    "nodejs, Node.js",
    "go, Go",
    "python, Python",
    "procfile, Procfile",
    "java, Java"
  })
  void exampleBuildsIntoASlugThatServesIt(String example, String buildpack) throws Exception {
    Path cache = CACHES.resolve(example + ".tgz");
    BuildResult result = build(EXAMPLES.resolve(example), Map.of(), existing(cache));

    assertThat(result.buildpack()).isEqualTo(buildpack);
    assertThat(result.processTypes()).containsKey("web");
    assertThat(slugEntries(result.slug())).allMatch(name -> name.startsWith("app/"));
    Files.createDirectories(CACHES);
    Files.copy(result.cache().orElseThrow(), cache, StandardCopyOption.REPLACE_EXISTING);

    assertThat(serve(result)).contains("Hello from the " + example + " example");
  }

  @Test
  void compileErrorFailsTheBuildWithTheCompilersMessage() throws Exception {
    Path app = Files.createDirectories(temp.resolve("broken"));
    Files.writeString(app.resolve("go.mod"), "module example.com/broken\n\ngo 1.19\n");
    Files.writeString(app.resolve("main.go"), "package main\n\nfunc main() { undefinedCall() }\n");

    assertThatThrownBy(() -> build(app, Map.of(), Optional.empty()))
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("Failed to compile the Go app");
    assertThat(Files.readString(temp.resolve("build.log"))).contains("undefined: undefinedCall");
  }

  @Test
  void appNoBuildpackRecognisesFailsSayingHowToChooseOne() throws Exception {
    Path app = Files.createDirectories(temp.resolve("unknown"));
    Files.writeString(app.resolve("notes.txt"), "nothing to run\n");

    assertThatThrownBy(() -> build(app, Map.of(), Optional.empty()))
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("Unable to select a buildpack")
        .hasMessageContaining("BUILDPACK_URL");
  }

  @Test
  void unreachableBuildpackUrlFailsClearly() throws Exception {
    Map<String, String> env = Map.of("BUILDPACK_URL", "https://buildpacks.invalid/none.git#v1");

    assertThatThrownBy(() -> build(EXAMPLES.resolve("static"), env, Optional.empty()))
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("Fetching buildpack https://buildpacks.invalid/none.git#v1 failed");
  }

  @Test
  void buildpacksFileRunsEachListedBuildpackInOrder() throws Exception {
    Path app = Files.createDirectories(temp.resolve("multi"));
    copyTree(EXAMPLES.resolve("nodejs"), app);
    Files.createDirectories(app.resolve("public"));
    Files.writeString(app.resolve("public/index.html"), "hi\n");
    Files.writeString(app.resolve(".buildpacks"), "# built-in names or git URLs\nstatic\nnodejs\n");

    BuildResult result = build(app, Map.of(), Optional.empty());

    assertThat(result.buildpack()).isEqualTo("Static Node.js");
    assertThat(result.processTypes()).containsEntry("web", "node server.js");
  }

  private BuildResult build(Path app, Map<String, String> env, Optional<Path> cache)
      throws Exception {
    Path source = temp.resolve("source.tar");
    try (var out = Files.newOutputStream(source)) {
      SourceTar.write(app, out);
    }
    Path input = temp.resolve("input.tar");
    try (var out = Files.newOutputStream(input)) {
      BuildInput.write(new BuildRequest(source, cache, env, "0123abcd"), out);
    }
    Path output = temp.resolve("output.tar");
    Process build =
        SANDBOX
            .command(
                temp.resolve("build-sandbox"),
                List.of("build", "run", "base"),
                Map.of(),
                BuildInput.command())
            .redirectInput(input.toFile())
            .redirectOutput(output.toFile())
            .redirectError(temp.resolve("build.log").toFile())
            .start();
    try {
      assertThat(build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .as("build finished within %s", BUILD_TIMEOUT)
          .isTrue();
    } finally {
      build.destroyForcibly();
      System.err.print(Files.readString(temp.resolve("build.log")));
    }
    try (InputStream in = Files.newInputStream(output)) {
      return BuildOutput.read(in, temp.resolve("result"));
    }
  }

  /** Runs the slug's web process over the run stack and returns its answer to {@code GET /}. */
  private String serve(BuildResult result) throws Exception {
    Path slug = Files.createDirectories(temp.resolve("slug"));
    run(List.of("tar", "--numeric-owner", "-xzf", result.slug().toString(), "-C", slug.toString()));
    int port = freePort();
    Process web =
        SANDBOX
            .command(
                temp.resolve("run-sandbox"),
                List.of(slug.toString(), "run", "base"),
                Map.of("PORT", String.valueOf(port)),
                Slugrunner.args(result.processTypes().get("web")))
            .redirectOutput(temp.resolve("web.log").toFile())
            .redirectErrorStream(true)
            .start();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
    try {
      return await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .failFast("the web process exited", () -> !web.isAlive())
          .until(
              () -> http.send(get, HttpResponse.BodyHandlers.ofString()).body(),
              body -> body.contains("Hello from"));
    } finally {
      web.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      System.err.print(Files.readString(temp.resolve("web.log")));
    }
  }

  private static List<String> slugEntries(Path slug) throws Exception {
    Process tar = new ProcessBuilder("tar", "-tzf", slug.toString()).start();
    List<String> names = new String(tar.getInputStream().readAllBytes()).lines().toList();
    assertThat(tar.waitFor()).isZero();
    return names;
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor()).as("%s", command).isZero();
  }

  private static Optional<Path> existing(Path file) {
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
