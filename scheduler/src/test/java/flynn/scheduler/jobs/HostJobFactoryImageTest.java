package flynn.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.ImageManifest;
import flynn.api.controller.ImageManifest.ImageEntrypoint;
import flynn.api.controller.ImageManifest.ImageLayer;
import flynn.api.controller.ImageManifest.ImagePlatform;
import flynn.api.controller.ImageManifest.ImageRootfs;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.host.HostJob;
import flynn.api.host.Mountspec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A release with an image artifact: the job gets its layers, and its entrypoint's settings. */
class HostJobFactoryImageTest {
  private static final String UUID = "0f8e2a4c-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
  private static final String BASE = "aa".repeat(32);
  private static final String TOP = "bb".repeat(32);

  @Test
  void jobGetsTheImageLayersBottomFirstWithTheirUrls() {
    HostJob job = HostJobFactory.build(formation(process(List.of())), "app", "h1", UUID);

    assertThat(job.imageLayers())
        .extracting(Mountspec::id, Mountspec::url, Mountspec::type, Mountspec::sha256)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BASE, url(BASE), Mountspec.TYPE_TAR, BASE),
            org.assertj.core.groups.Tuple.tuple(TOP, url(TOP), Mountspec.TYPE_TAR, TOP));
  }

  @Test
  void entrypointGivesWorkingDirUserAndArgsWhenTheProcessHasNone() {
    HostJob job = HostJobFactory.build(formation(process(List.of())), "app", "h1", UUID);

    assertThat(job.config().args()).containsExactly("httpd", "-f");
    assertThat(job.config().workingDir()).isEqualTo("/www");
    assertThat(job.config().uid()).isEqualTo(1000);
    assertThat(job.config().gid()).isEqualTo(1000);
  }

  @Test
  void processArgsWinOverTheEntrypoint() {
    HostJob job =
        HostJobFactory.build(formation(process(List.of("sh", "-c", "x"))), "app", "h1", UUID);

    assertThat(job.config().args()).containsExactly("sh", "-c", "x");
  }

  @Test
  void imageEnvIsUnderTheReleaseEnv() {
    HostJob job = HostJobFactory.build(formation(process(List.of())), "app", "h1", UUID);

    assertThat(job.config().env())
        .containsEntry("PATH", "/image/bin")
        .containsEntry("MODE", "release")
        .containsEntry("FLYNN_PROCESS_TYPE", "app");
  }

  @Test
  void releaseWithoutImageHasNoLayers() {
    ExpandedFormation f = formation(process(List.of("true")));
    ExpandedFormation plain =
        new ExpandedFormation(
            f.app(), f.release(), List.of(), f.processes(), null, null, null, null);

    HostJob job = HostJobFactory.build(plain, "app", "h1", UUID);

    assertThat(job.imageLayers()).isEmpty();
    assertThat(job.config().workingDir()).isNull();
  }

  private static String url(String id) {
    return "http://blobstore.discoverd/docker/layers/sha256:" + id;
  }

  private static ProcessType process(List<String> args) {
    return ProcessType.of(args);
  }

  private static ExpandedFormation formation(ProcessType process) {
    var manifest =
        new ImageManifest(
            ImageManifest.TYPE_V1,
            null,
            Map.of(
                ImageManifest.DEFAULT_ENTRYPOINT,
                new ImageEntrypoint(
                    Map.of("PATH", "/image/bin", "MODE", "image"),
                    "/www",
                    List.of("httpd", "-f"),
                    null,
                    1000,
                    1000)),
            List.of(new ImageRootfs(ImagePlatform.LINUX_AMD64, List.of(layer(BASE), layer(TOP)))));
    var artifact =
        new Artifact(
            "art-id",
            "flynn",
            "http://blobstore.discoverd/docker/images/x.json",
            Map.of("blobstore", "true"),
            Json.mapper().valueToTree(manifest),
            null,
            null,
            "http://blobstore.discoverd/docker/layers/sha256:{id}",
            null);
    var app = new App("app-id", "demo", Map.of(), null, null, null, null, null);
    var release =
        new Release(
            "rel-id",
            "app-id",
            List.of("art-id"),
            Map.of("MODE", "release"),
            Map.of(),
            Map.of("app", process),
            null,
            null);
    return new ExpandedFormation(
        app, release, List.of(artifact), Map.of("app", 1), null, null, null, null);
  }

  private static ImageLayer layer(String id) {
    return new ImageLayer(id, ImageLayer.TYPE_OCI_TAR_GZIP, 10L, Map.of("sha256", id), null);
  }
}
