package flynn.cli.docker;

import flynn.api.Json;
import flynn.api.blobstore.BlobstoreClient;
import flynn.api.config.Cluster;
import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.ImageArtifacts;
import flynn.api.controller.ImageManifest;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import flynn.cli.Session;
import flynn.cli.deploy.ReleaseDeploy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn docker push <image>}: uploads the image's layers to the blobstore (skipping those
 * already there), creates a {@code flynn} artifact with its manifest, and deploys a release running
 * it as process {@code app}.
 */
@Command(
    name = "push",
    description = {
      "Push and release an image: a docker save archive, an OCI archive or an OCI layout",
      "directory (no Docker engine is needed)."
    })
final class DockerPushCommand implements Callable<Integer> {
  /** How artifacts name the blobstore, whatever its address today; hosts find it in discoverd. */
  static final String BLOBSTORE = "http://blobstore.discoverd";

  static final String LAYERS = "/docker/layers/sha256:";
  static final String IMAGES = "/docker/images/";

  @Parameters(paramLabel = "<image>", description = "image archive or OCI layout directory")
  Path image;

  private final Session session;

  DockerPushCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() throws IOException {
    session.info("deploying image: " + image);
    App app = session.appRecord();
    BlobstoreClient blobstore = blobstore(session.cluster());
    Path scratch = Files.createTempDirectory("flynn-docker-push");
    try {
      LocalImage local = ImageArchive.read(image, scratch);
      local.layers().forEach(layer -> upload(blobstore, layer));
      ImageManifest manifest = ImageRelease.manifest(local);
      Artifact artifact = createArtifact(blobstore, manifest, app.name(), scratch);
      Release previous = session.currentRelease(app.id()).orElse(null);
      Release release = ImageRelease.next(app.name(), previous, artifact.id(), manifest);
      int exit = ReleaseDeploy.createAndDeploy(session, app, release);
      if (exit == 0) {
        session.info("Image deployed, scale it with 'flynn scale app=N'");
      }
      return exit;
    } finally {
      deleteTree(scratch);
    }
  }

  private BlobstoreClient blobstore(Cluster cluster) {
    if (cluster.imageUrl().isEmpty()) {
      throw new CliException(
          "cluster " + cluster.name() + " has no image URL: add it again with --image-url");
    }
    return new BlobstoreClient(cluster.imageUrl(), cluster.key().isEmpty() ? null : cluster.key());
  }

  private void upload(BlobstoreClient blobstore, LocalLayer layer) {
    String path = LAYERS + layer.sha256();
    if (blobstore.sha256(path).filter(layer.sha256()::equals).isPresent()) {
      session.info("layer " + layer.sha256() + " already pushed");
      return;
    }
    session.info("uploading layer " + layer.sha256() + " (" + layer.size() + " bytes)");
    blobstore.put(path, layer.file(), layer.sha256());
  }

  private Artifact createArtifact(
      BlobstoreClient blobstore, ImageManifest manifest, String appName, Path scratch)
      throws IOException {
    Path file = scratch.resolve("flynn-image-manifest.json");
    Files.write(file, Json.writeBytes(manifest));
    String sha = ImageArchive.sha256(file);
    blobstore.put(IMAGES + sha + ".json", file, sha);
    return session
        .client()
        .releases()
        .createArtifact(
            new Artifact(
                null,
                ImageArtifacts.TYPE_FLYNN,
                BLOBSTORE + IMAGES + sha + ".json",
                Map.of("blobstore", "true", "docker-receive.repository", appName),
                Json.mapper().valueToTree(manifest),
                Map.of("sha256", sha),
                Files.size(file),
                BLOBSTORE + LAYERS + "{id}",
                null));
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + dir, e);
    }
  }
}
