package flynn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.Event;
import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.Formation;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.controller.ScaleRequest;
import flynn.api.http.ApiException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleasesAndFormationsIT extends ControllerTestBase {

  private App app;
  private Release release;

  private void givenAppWithRelease() {
    app = client.apps().create(App.named("demo"));
    Artifact artifact =
        client
            .releases()
            .createArtifact(
                new Artifact(null, "flynn", "file:///slug.tgz", null, null, null, 10L, null, null));
    release =
        client
            .releases()
            .create(
                new Release(
                    null,
                    app.id(),
                    List.of(artifact.id()),
                    Map.of("A", "1"),
                    null,
                    Map.of("web", proc(List.of("start", "web")), "worker", proc(List.of("work"))),
                    null,
                    null));
  }

  private static ProcessType proc(List<String> args) {
    return ProcessType.of(args);
  }

  @Test
  void releaseWithDeprecatedFieldsIsStoredInTheCurrentForm() throws Exception {
    app = client.apps().create(App.named("demo"));
    Artifact artifact =
        client
            .releases()
            .createArtifact(
                new Artifact(null, "docker", "docker://x", null, null, null, null, null, null));
    String body =
        """
        {"app_id": "%s", "artifact": "%s",
         "processes": {"web": {"entrypoint": ["/bin/sh", "-c"], "cmd": ["serve"], "data": true}}}
        """
            .formatted(app.id(), artifact.id());

    JsonNode created = json(send("POST", "/releases", body));
    Release stored = client.releases().get(created.path("id").asText());

    assertThat(stored.artifacts()).containsExactly(artifact.id());
    assertThat(stored.legacyArtifact()).isEqualTo(artifact.id());
    assertThat(stored.processes().get("web").args()).containsExactly("/bin/sh", "-c", "serve");
    assertThat(stored.processes().get("web").volumes())
        .extracting(v -> v.path())
        .containsExactly("/data");
    assertThat(client.apps().releases("demo")).extracting(Release::id).containsExactly(stored.id());
  }

  @Test
  void invalidReleasesAreRefusedOnTheirFieldAndNothingIsStored() throws Exception {
    givenAppWithRelease();
    String artifact = release.artifacts().get(0);
    Map<String, String> bad =
        Map.of(
            "artifacts",
            "{\"artifacts\": [\"" + java.util.UUID.randomUUID() + "\"], \"processes\": {}}",
            "app_id",
            "{\"app_id\": \"" + java.util.UUID.randomUUID() + "\"}",
            "processes.web.args",
            "{\"artifacts\": [\"" + artifact + "\"], \"processes\": {\"web\": {}}}",
            "processes.web.ports",
            "{\"artifacts\": [\""
                + artifact
                + "\"], \"processes\": {\"web\": {\"args\": [\"x\"],"
                + " \"ports\": [{\"port\": 80, \"proto\": \"sctp\"}]}}}");
    for (var e : bad.entrySet()) {
      var res = send("POST", "/releases", e.getValue());
      assertError(res, 400, ApiException.VALIDATION_ERROR);
      assertThat(json(res).path("field").asText()).isEqualTo(e.getKey());
    }
    assertThat(client.releases().list()).hasSize(1);
  }

  @Test
  void settingTheAppReleaseRecordsPreviousAndNew() {
    givenAppWithRelease();

    client.apps().setRelease("demo", release.id());

    assertThat(client.apps().release("demo").id()).isEqualTo(release.id());
    Event event = client.events().list(app.id(), List.of(Event.APP_RELEASE), 0).get(0);
    assertThat(event.data().path("release").path("id").asText()).isEqualTo(release.id());
    assertThat(event.data().has("prev_release")).isFalse();
  }

  @Test
  void formationIsPutReadExpandedListedAndDeleted() {
    givenAppWithRelease();

    client
        .formations()
        .put(new Formation(app.id(), release.id(), Map.of("web", 2), null, null, null));

    assertThat(client.formations().get("demo", release.id()).processes())
        .containsExactly(Map.entry("web", 2));
    ExpandedFormation expanded = client.formations().getExpanded("demo", release.id());
    assertThat(expanded.app().name()).isEqualTo("demo");
    assertThat(expanded.release().id()).isEqualTo(release.id());
    assertThat(expanded.artifacts()).extracting(Artifact::id).isEqualTo(release.artifacts());
    assertThat(client.formations().list("demo")).hasSize(1);
    assertThat(client.formations().listActive()).hasSize(1);

    client.formations().delete("demo", release.id());

    assertThat(client.formations().list("demo")).isEmpty();
    assertThat(client.formations().listActive()).isEmpty();
  }

  @Test
  void formationWithZeroCountsIsNotActive() {
    givenAppWithRelease();

    client
        .formations()
        .put(new Formation(app.id(), release.id(), Map.of("web", 0), null, null, null));

    assertThat(client.formations().listActive()).isEmpty();
  }

  @Test
  void invalidFormationsAreRefusedAndChangeNothing() throws Exception {
    givenAppWithRelease();
    String path = "/apps/demo/formations/" + release.id();

    assertError(
        send("PUT", path, "{\"processes\": {\"db\": 1}}"), 400, ApiException.VALIDATION_ERROR);
    assertError(
        send("PUT", path, "{\"processes\": {\"web\": -1}}"), 400, ApiException.VALIDATION_ERROR);
    assertError(send("PUT", path, "{\"processes\": "), 400, ApiException.SYNTAX_ERROR);
    assertError(
        send("PUT", "/apps/demo/formations/" + java.util.UUID.randomUUID(), "{\"processes\": {}}"),
        404,
        ApiException.OBJECT_NOT_FOUND);

    assertThat(client.formations().list("demo")).isEmpty();
    assertThat(client.events().list(app.id(), List.of(Event.SCALE_REQUEST), 0)).isEmpty();
  }

  @Test
  void scaleCreatesAPendingRequestAndUpdatesTheFormationTogether() {
    givenAppWithRelease();
    client
        .formations()
        .put(new Formation(app.id(), release.id(), Map.of("web", 1), null, null, null));

    ScaleRequest req =
        client.formations().scale("demo", release.id(), pending(Map.of("worker", 3)));

    assertThat(req.state()).isEqualTo(ScaleRequest.PENDING);
    assertThat(req.oldProcesses()).containsExactly(Map.entry("web", 1));
    assertThat(req.newProcesses()).containsExactly(Map.entry("worker", 3));
    assertThat(client.formations().get("demo", release.id()).processes())
        .containsOnly(Map.entry("web", 1), Map.entry("worker", 3));
    assertThat(client.formations().getExpanded("demo", release.id()).pendingScaleRequest().id())
        .isEqualTo(req.id());
    List<Event> events = client.events().list(app.id(), List.of(Event.SCALE_REQUEST), 0);
    assertThat(events.get(0).objectId()).isEqualTo(req.id());
    assertThat(client.events().list(app.id(), List.of(Event.SCALE), 0)).hasSize(2);
  }

  @Test
  void schedulerMarksAScaleRequestComplete() {
    givenAppWithRelease();
    ScaleRequest req = client.formations().scale("demo", release.id(), pending(Map.of("web", 2)));

    ScaleRequest done =
        client
            .formations()
            .scale(
                "demo",
                release.id(),
                new ScaleRequest(
                    req.id(),
                    app.id(),
                    release.id(),
                    ScaleRequest.COMPLETE,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));

    assertThat(done.state()).isEqualTo(ScaleRequest.COMPLETE);
    assertThat(client.formations().getExpanded("demo", release.id()).pendingScaleRequest())
        .isNull();
    assertThat(client.formations().get("demo", release.id()).processes())
        .containsExactly(Map.entry("web", 2));
  }

  @Test
  void formationStreamSendsCurrentFormationsThenEachChangeWithinASecond() throws Exception {
    givenAppWithRelease();
    client
        .formations()
        .put(new Formation(app.id(), release.id(), Map.of("web", 1), null, null, null));

    try (Events stream =
        new Events(client.formations().stream(OffsetDateTime.parse("2000-01-01T00:00:00Z")))) {
      ExpandedFormation first =
          Json.read(stream.next(Duration.ofSeconds(5)).data(), ExpandedFormation.class);
      assertThat(first.processes()).containsExactly(Map.entry("web", 1));
      assertThat(stream.next(Duration.ofSeconds(5)).data()).isEqualTo("{}");

      client.formations().scale("demo", release.id(), pending(Map.of("web", 4)));
      JsonNode changed = Json.mapper().readTree(stream.next(Duration.ofSeconds(1)).data());
      assertThat(changed.path("processes").path("web").asInt()).isEqualTo(4);

      client.formations().delete("demo", release.id());
      JsonNode deleted =
          stream.nextMatching(Duration.ofSeconds(1), f -> f.path("deleted").asBoolean());
      assertThat(deleted.path("processes").size()).isZero();
    }
  }

  private static ScaleRequest pending(Map<String, Integer> processes) {
    return new ScaleRequest(null, null, null, null, null, processes, null, null, null, null);
  }
}
