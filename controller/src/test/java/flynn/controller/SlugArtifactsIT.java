package flynn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.Release;
import flynn.api.controller.SlugArtifacts;
import flynn.api.http.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stack and slug artifacts in Flynn's shapes, and one-off jobs run in artifacts alone. */
class SlugArtifactsIT extends ControllerTestBase {

  @Test
  void aStackArtifactCreatedTwiceIsTheSameArtifact() throws Exception {
    Artifact first = client.releases().createArtifact(SlugArtifacts.stack("run"));
    Artifact again = client.releases().createArtifact(SlugArtifacts.stack("run"));
    Artifact build = client.releases().createArtifact(SlugArtifacts.stack("build"));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(build.id()).isNotEqualTo(first.id());
    JsonNode listed = json(send("GET", "/artifacts", null));
    assertThat(listed.findValuesAsText("uri")).containsOnlyOnce("stack:run", "stack:build");
    JsonNode layer =
        json(send("GET", "/artifacts/" + first.id(), null)).at("/manifest/rootfs/0/layers/0");
    assertThat(layer.path("type").asText()).isEqualTo("application/vnd.flynn.stack");
    assertThat(layer.path("id").asText()).isEqualTo("run");
  }

  @Test
  void aSlugReleaseKeepsTheRunStackBelowTheSlug() throws Exception {
    App app = client.apps().create(App.named("demo"));
    Artifact stack = client.releases().createArtifact(SlugArtifacts.stack("run"));
    String sha = "c".repeat(64);
    Artifact slug =
        client
            .releases()
            .createArtifact(
                SlugArtifacts.slug(
                    "http://blobstore.discoverd/slugs/1.tgz", sha, 42, Map.of("git", "true")));
    Release release =
        client
            .releases()
            .create(
                new Release(
                    null,
                    app.id(),
                    List.of(stack.id(), slug.id()),
                    Map.of(),
                    Map.of("git", "true"),
                    Map.of(),
                    null,
                    null));

    assertThat(client.releases().get(release.id()).artifacts())
        .containsExactly(stack.id(), slug.id());
    JsonNode layer =
        json(send("GET", "/artifacts/" + slug.id(), null)).at("/manifest/rootfs/0/layers/0");
    assertThat(layer.path("type").asText())
        .isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
    assertThat(layer.at("/hashes/sha256").asText()).isEqualTo(sha);
    assertThat(layer.path("length").asLong()).isEqualTo(42);
  }

  @Test
  void aOneOffJobRunsInArtifactsWithoutAReleaseAndNeedsOneOrTheOther() throws Exception {
    client.apps().create(App.named("demo"));
    Artifact build = client.releases().createArtifact(SlugArtifacts.stack("build"));

    var inArtifacts =
        send(
            "POST",
            "/apps/demo/jobs",
            "{\"artifacts\": [\"" + build.id() + "\"], \"args\": [\"/builder/build\"]}");
    var neither = send("POST", "/apps/demo/jobs", "{\"args\": [\"sh\"]}");
    var unknown =
        send("POST", "/apps/demo/jobs", "{\"artifacts\": [\"nope\"], \"args\": [\"sh\"]}");

    // accepted up to placing it: this controller has no hosts
    assertError(inArtifacts, 503, ApiException.SERVICE_UNAVAILABLE);
    assertError(neither, 400, ApiException.VALIDATION_ERROR);
    assertThat(json(neither).path("field").asText()).isEqualTo("release");
    assertError(unknown, 400, ApiException.VALIDATION_ERROR);
    assertThat(json(unknown).path("field").asText()).isEqualTo("artifacts");
  }
}
