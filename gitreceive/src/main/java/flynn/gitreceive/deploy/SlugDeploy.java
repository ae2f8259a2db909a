package flynn.gitreceive.deploy;

import flynn.api.controller.App;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Release;
import flynn.api.controller.SlugArtifacts;
import flynn.api.http.ApiException;
import flynn.builder.BuildFailedException;
import flynn.builder.BuildRequest;
import flynn.builder.BuildResult;
import flynn.builder.Slugrunner;
import flynn.gitreceive.build.SlugBuild;
import flynn.gitreceive.build.SourceArchive;
import flynn.gitreceive.push.Push;
import flynn.gitreceive.push.PushDeploy;
import flynn.gitreceive.push.PushFailedException;
import flynn.gitreceive.push.PushLog;
import flynn.gitreceive.release.SlugRelease;
import flynn.gitreceive.release.SlugStore;
import flynn.gitreceive.release.StackArtifacts;
import flynn.gitreceive.rollout.Rollout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A push deployed as Flynn's gitreceive did: the commit's source is built into a slug, the slug and
 * the build cache go to the blobstore, a slug artifact and a release are created and rolled out.
 * Nothing of the app changes before the build succeeded.
 */
public final class SlugDeploy implements PushDeploy {
  private static final Logger LOG = LoggerFactory.getLogger(SlugDeploy.class);

  private final ControllerClient controller;
  private final SlugBuild build;
  private final SlugStore store;
  private final StackArtifacts stacks;
  private final Rollout rollout;
  private final DeploySettings settings;

  public SlugDeploy(
      ControllerClient controller,
      SlugBuild build,
      SlugStore store,
      StackArtifacts stacks,
      DeploySettings settings) {
    this.controller = controller;
    this.build = build;
    this.store = store;
    this.stacks = stacks;
    this.rollout = new Rollout(controller, settings.scaleTimeout());
    this.settings = settings;
  }

  @Override
  public void deploy(Push push, PushLog log) {
    App app = push.app();
    Path work = workDir(app, push.commit());
    try {
      Release current = currentRelease(app);
      BuildResult result = build(push, current, work, log);
      log.line("-----> Creating release...");
      Release created = release(app, push.commit(), current, result);
      rollout.run(app, created, current, log);
      log.line("-----> Application deployed");
      log.line("=====> Application deployed to " + settings.appUrl(app.name()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(work);
    }
  }

  private BuildResult build(Push push, Release current, Path work, PushLog log) throws IOException {
    App app = push.app();
    Path source = work.resolve("source.tar");
    SourceArchive.write(push.repository(), push.commit(), source);
    Optional<Path> cache = store.fetchCache(app.id(), work.resolve("cache.tgz"));
    Map<String, String> env = current == null || current.env() == null ? Map.of() : current.env();
    BuildRequest request = new BuildRequest(source, cache, env, push.commit());
    Path out = Files.createDirectories(work.resolve("out"));
    BuildResult result;
    try {
      result = build.build(app, current == null ? null : current.id(), request, out, log);
    } catch (BuildFailedException e) {
      throw new PushFailedException(e.getMessage(), e);
    }
    result.cache().ifPresent(c -> store.putCache(app.id(), c));
    LOG.info(
        "build done app={} commit={} buildpack={} types={}",
        app.name(),
        push.commit(),
        result.buildpack(),
        result.processTypes().keySet());
    return result;
  }

  private Release release(App app, String commit, Release current, BuildResult result) {
    SlugStore.StoredSlug slug = store.putSlug(app.id(), result.slug());
    Map<String, String> meta =
        Map.of("git.commit", commit, "slugbuilder.buildpack", result.buildpack());
    String slugArtifact =
        controller
            .releases()
            .createArtifact(SlugArtifacts.slug(slug.url(), slug.sha256(), slug.size(), meta))
            .id();
    Release release =
        SlugRelease.of(
            app.id(),
            app.name(),
            stacks.id(SlugArtifacts.STACK_RUN),
            slugArtifact,
            commit,
            current,
            result.processTypes(),
            Slugrunner::args);
    return controller.releases().create(release);
  }

  private Release currentRelease(App app) {
    try {
      return controller.apps().release(app.id());
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return null;
      }
      throw e;
    }
  }

  private Path workDir(App app, String commit) {
    try {
      Files.createDirectories(settings.workDir());
      return Files.createTempDirectory(
          settings.workDir(), app.name() + "-" + commit.substring(0, 7));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a build directory in " + settings.workDir(), e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("build directory not removed dir={} reason={}", dir, e.toString());
    }
  }
}
