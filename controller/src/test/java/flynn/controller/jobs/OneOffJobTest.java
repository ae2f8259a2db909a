package flynn.controller.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.ImageArtifacts;
import flynn.api.controller.ImageManifest;
import flynn.api.controller.ImageManifest.ImageEntrypoint;
import flynn.api.controller.ImageManifest.ImageLayer;
import flynn.api.controller.ImageManifest.ImageRootfs;
import flynn.api.controller.NewJob;
import flynn.api.controller.Release;
import flynn.api.controller.SlugArtifacts;
import flynn.api.host.HostJob;
import flynn.api.host.Mountspec;
import flynn.api.host.ResourceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneOffJobTest {
  private static final App APP = new App("app-id", "demo", Map.of(), null, null, null, null, null);
  private static final Release RELEASE =
      new Release(
          "rel-id",
          "app-id",
          List.of("a"),
          Map.of("DB", "x", "A", "release"),
          null,
          null,
          null,
          null);

  private static NewJob run(Boolean releaseEnv, Map<String, String> env) {
    return new NewJob(
        "rel-id",
        null,
        releaseEnv,
        List.of("bash"),
        env,
        Map.of("m", "1"),
        true,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void hostJobCarriesIdMetadataArgsAndEnv() {
    HostJob job =
        OneOffJob.hostJob(
            APP, RELEASE, List.of(), run(true, Map.of("A", "request")), "host1", "u1");

    assertThat(job.id()).isEqualTo("host1-u1");
    assertThat(job.metadata())
        .containsEntry(HostJob.META_APP, "app-id")
        .containsEntry(HostJob.META_APP_NAME, "demo")
        .containsEntry(HostJob.META_RELEASE, "rel-id")
        .containsEntry("m", "1")
        .doesNotContainKey(HostJob.META_TYPE);
    assertThat(job.config().args()).containsExactly("bash");
    assertThat(job.config().env())
        .containsEntry("DB", "x")
        .containsEntry("A", "request")
        .containsEntry("FLYNN_APP_ID", "app-id")
        .containsEntry("FLYNN_APP_NAME", "demo")
        .containsEntry("FLYNN_RELEASE_ID", "rel-id")
        .containsEntry("FLYNN_JOB_ID", "host1-u1");
  }

  @Test
  void releaseEnvIsLeftOutOnlyWhenRefused() {
    assertThat(OneOffJob.hostJob(APP, RELEASE, List.of(), run(null, null), "h", "u").config().env())
        .containsKey("DB");
    assertThat(
            OneOffJob.hostJob(APP, RELEASE, List.of(), run(false, null), "h", "u").config().env())
        .doesNotContainKey("DB");
  }

  @Test
  void runsInTheReleasesImageWithItsDefaultEntrypointAndFlynnsDefaultResources() {
    ImageManifest manifest =
        new ImageManifest(
            ImageManifest.TYPE_V1,
            null,
            Map.of(
                ImageManifest.DEFAULT_ENTRYPOINT,
                new ImageEntrypoint(
                    Map.of("A", "image", "IMG", "1"), "/www", null, null, 1000, 1000)),
            List.of(
                new ImageRootfs(
                    null,
                    List.of(
                        new ImageLayer(
                            "aa".repeat(32), ImageLayer.TYPE_OCI_TAR_GZIP, 10L, null, null)))));
    Artifact image =
        new Artifact(
            "a",
            ImageArtifacts.TYPE_FLYNN,
            "http://blobstore/m.json",
            null,
            Json.mapper().valueToTree(manifest),
            null,
            null,
            "http://blobstore/layers/{id}",
            null);

    HostJob job = OneOffJob.hostJob(APP, RELEASE, List.of(image), run(true, null), "host1", "u1");

    assertThat(job.imageLayers())
        .extracting(Mountspec::url)
        .containsExactly("http://blobstore/layers/" + "aa".repeat(32));
    assertThat(job.config().workingDir()).isEqualTo("/www");
    assertThat(job.config().uid()).isEqualTo(1000);
    assertThat(job.config().env()).containsEntry("IMG", "1").containsEntry("A", "release");
    assertThat(job.resources()).containsEntry("memory", ResourceSpec.of(1L << 30));
    assertThat(
            OneOffJob.attachedHostJob(APP, RELEASE, List.of(image), run(true, null), "h", "u")
                .imageLayers())
        .hasSize(1);
  }

  private static Artifact withId(String id, Artifact a) {
    return new Artifact(
        id,
        a.type(),
        a.uri(),
        a.meta(),
        a.manifest(),
        a.hashes(),
        a.size(),
        a.layerUrlTemplate(),
        null);
  }

  private static final Artifact BUILD_STACK =
      withId("11111111-1111-1111-1111-111111111111", SlugArtifacts.stack("build"));
  private static final Artifact RUN_STACK =
      withId("22222222-2222-2222-2222-222222222222", SlugArtifacts.stack("run"));
  private static final Artifact SLUG =
      withId(
          "33333333-3333-3333-3333-333333333333",
          SlugArtifacts.slug("http://blobstore/slugs/s.tgz", "f".repeat(64), 123, Map.of()));

  private static NewJob build(String release, List<String> artifacts) {
    return new NewJob(
        release,
        artifacts,
        null,
        List.of("/builder/build"),
        Map.of("SOURCE_VERSION", "abc"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void aFirstBuildRunsInItsArtifactsWithTheRequestsEnvAndNoRelease() {
    NewJob req = build(null, List.of(BUILD_STACK.id()));
    assertThat(OneOffJob.artifactIds(req, null)).containsExactly(BUILD_STACK.id());

    HostJob job = OneOffJob.hostJob(APP, null, List.of(BUILD_STACK), req, "h", "u");

    assertThat(job.config().env())
        .containsEntry("SOURCE_VERSION", "abc")
        .containsEntry("FLYNN_APP_ID", "app-id")
        .doesNotContainKeys("FLYNN_RELEASE_ID", "DB");
    assertThat(job.metadata()).doesNotContainKey(HostJob.META_RELEASE);
    assertThat(job.mountspecs())
        .extracting(Mountspec::type, Mountspec::id)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Mountspec.TYPE_STACK, "build"));
    assertThat(job.config().workingDir()).isEqualTo("/app");
    assertThat(OneOffJob.recorded(APP, null, job, "h", "u").release()).isNull();
  }

  @Test
  void theRequestsArtifactsReplaceTheReleasesAndAJobNeedsOneOrTheOther() {
    assertThat(OneOffJob.artifactIds(build("rel-id", List.of(BUILD_STACK.id())), RELEASE))
        .containsExactly(BUILD_STACK.id());
    assertThat(OneOffJob.artifactIds(build("rel-id", null), RELEASE)).containsExactly("a");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> OneOffJob.artifactIds(build(null, List.of()), null))
        .isInstanceOfSatisfying(
            flynn.api.http.ApiException.class,
            e -> assertThat(e.error().field()).isEqualTo("release"));
  }

  @Test
  void aRunInASlugReleaseHasTheRunStackBelowTheSlugAndStartsInApp() {
    HostJob job =
        OneOffJob.hostJob(APP, RELEASE, List.of(RUN_STACK, SLUG), run(true, Map.of()), "h", "u");

    assertThat(job.mountspecs()).hasSize(2);
    assertThat(job.mountspecs().get(0).type()).isEqualTo(Mountspec.TYPE_STACK);
    assertThat(job.mountspecs().get(0).id()).isEqualTo("run");
    assertThat(job.mountspecs().get(1).type()).isEqualTo(Mountspec.TYPE_TAR);
    assertThat(job.mountspecs().get(1).url()).isEqualTo("http://blobstore/slugs/s.tgz");
    assertThat(job.mountspecs().get(1).sha256()).isEqualTo("f".repeat(64));
    assertThat(job.config().workingDir()).isEqualTo("/app");
    assertThat(job.config().env()).containsEntry("FLYNN_RELEASE_ID", "rel-id");
  }
}
