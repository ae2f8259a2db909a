package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.Json;
import flynn.api.host.ActiveJob;
import flynn.api.host.HostJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flynn docker push} of an image made here with umoci and skopeo (busybox httpd serving a
 * page), as an OCI archive and as a docker archive; {@code flynn scale app=1} serves it from a runc
 * container rooted in the image's layers. The OCI layout itself pushes without uploading again.
 */
class ImagePushIT {
  private static final String PAGE = "hello from an image";

  @TempDir Path dir;
  @RegisterExtension final Clusters clusters = new Clusters();
  private Cluster cluster;

  @BeforeEach
  void up() throws Exception {
    Machine.assumeContainers("ImagePushIT", "runc", "umoci", "skopeo");
    cluster = clusters.startWithContainers();
  }

  @Test
  void pushedOciAndDockerArchivesServeTheirPageOnceScaled() throws Exception {
    Path layout = buildImage();
    Path ociArchive = dir.resolve("image-oci.tar");
    Path dockerArchive = dir.resolve("image-docker.tar");
    Machine.run("skopeo", "copy", "oci:" + layout + ":latest", "oci-archive:" + ociArchive);
    Machine.run(
        "skopeo",
        "copy",
        "oci:" + layout + ":latest",
        "docker-archive:" + dockerArchive + ":demo:latest");

    assertPushedImageServes("oci", ociArchive);
    assertPushedImageServes("dkr", dockerArchive);
    assertThat(cluster.flynn("-a", "oci", "run", "/bin/busybox", "cat", "index.html").ok().out())
        .as("a one-off job runs in the image, in its working dir")
        .contains(PAGE);

    cluster.flynn("create", "layout").ok();
    String again = cluster.flynn("-a", "layout", "docker", "push", layout.toString()).ok().err();
    assertThat(again).as("layers pushed once are not uploaded again").contains("already pushed");
  }

  /** Pushes {@code archive} as app {@code app}, scales it and checks the page; the push output. */
  private String assertPushedImageServes(String app, Path archive) throws Exception {
    cluster.flynn("create", app).ok();
    String pushed = cluster.flynn("-a", app, "docker", "push", archive.toString()).ok().err();
    var scaled = cluster.flynn("-a", app, "scale", "app=1");
    assertThat(scaled.exit()).as("flynn scale; the host's jobs:\n%s", hostJobs()).isZero();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(runningAppJobs(app)).hasSize(1));
    ActiveJob job = runningAppJobs(app).getFirst();
    assertThat(job.internalIp()).matches("100\\.100\\.\\d+\\.\\d+");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() ->
            assertThat(Machine.get("http://" + job.internalIp() + ":8080/").body()).contains(PAGE));
    return pushed;
  }

  private String hostJobs() throws IOException {
    return Json.write(cluster.hostJobs());
  }

  /**
   * An OCI layout with one layer: busybox-static and the page. The layer is a tar made with tar(1)
   * and added with {@code umoci raw add-layer}: umoci 0.4.7's {@code insert} writes layers that end
   * without the tar padding and end blocks, which tar(1) and Go's archive/tar refuse too.
   */
  private Path buildImage() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(root.resolve("bin"));
    Files.copy(Path.of(busybox()), root.resolve("bin/busybox"));
    Files.createDirectories(root.resolve("www"));
    Files.writeString(root.resolve("www/index.html"), PAGE + "\n");
    Path layer = dir.resolve("layer.tar");
    Machine.run("tar", "-C", root.toString(), "-cf", layer.toString(), "bin", "www");
    String image = dir.resolve("layout") + ":latest";
    Machine.run("umoci", "init", "--layout", dir.resolve("layout").toString());
    Machine.run("umoci", "new", "--image", image);
    Machine.run("umoci", "raw", "add-layer", "--image", image, layer.toString());
    Machine.run(
        "umoci",
        "config",
        "--image",
        image,
        "--config.entrypoint",
        "/bin/busybox",
        "--config.entrypoint",
        "sh",
        "--config.entrypoint",
        "-c",
        "--config.cmd",
        "exec /bin/busybox httpd -f -p ${PORT:-8080} -h /www",
        "--config.workingdir",
        "/www",
        "--config.env",
        "PATH=/bin",
        "--config.user",
        "0");
    return dir.resolve("layout");
  }

  private static String busybox() {
    for (String candidate : List.of("/bin/busybox", "/usr/bin/busybox")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new AssertionError("busybox-static is not installed");
  }

  private List<ActiveJob> runningAppJobs(String app) throws IOException {
    return cluster.runningOnHost("app").stream()
        .filter(j -> app.equals(j.job().meta(HostJob.META_APP_NAME)))
        .toList();
  }
}
