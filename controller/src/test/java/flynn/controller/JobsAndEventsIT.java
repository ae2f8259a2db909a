package flynn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.Event;
import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.http.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobsAndEventsIT extends ControllerTestBase {

  private App app;
  private Release release;

  private void givenAppWithRelease() {
    app = client.apps().create(App.named("demo"));
    Artifact artifact =
        client
            .releases()
            .createArtifact(
                new Artifact(null, "flynn", "file:///slug", null, null, null, 1L, null, null));
    ProcessType web = ProcessType.of(List.of("start"));
    release =
        client
            .releases()
            .create(
                new Release(
                    null,
                    app.id(),
                    List.of(artifact.id()),
                    null,
                    null,
                    Map.of("web", web),
                    null,
                    null));
  }

  private Job job(String uuid, String state) {
    return new Job(
        null,
        uuid,
        "host1",
        app.id(),
        release.id(),
        "web",
        state,
        List.of("start"),
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
  void schedulerJobUpdatesAreListedAndActiveOnesShown() {
    givenAppWithRelease();
    String uuid = UUID.randomUUID().toString();

    Job starting = client.jobs().put(job(uuid, JobState.STARTING));
    Job up = client.jobs().put(job(uuid, JobState.UP));

    assertThat(up.id()).isEqualTo("host1-" + uuid);
    assertThat(up.createdAt()).isEqualTo(starting.createdAt());
    assertThat(client.jobs().list("demo")).extracting(Job::state).containsExactly(JobState.UP);
    assertThat(client.jobs().get("demo", "host1-" + uuid).uuid()).isEqualTo(uuid);
    assertThat(client.jobs().get("demo", uuid).id()).isEqualTo("host1-" + uuid);
    assertThat(client.jobs().listActive()).extracting(Job::uuid).containsExactly(uuid);
    assertThat(client.events().list(app.id(), List.of(Event.JOB), 0))
        .extracting(e -> e.data().path("state").asText())
        .containsExactly(JobState.UP, JobState.STARTING);
  }

  @Test
  void downJobIsNeverRevivedByALateUpdate() {
    givenAppWithRelease();
    String uuid = UUID.randomUUID().toString();
    client.jobs().put(job(uuid, JobState.DOWN));

    Job answer = client.jobs().put(job(uuid, JobState.UP));

    assertThat(answer.state()).isEqualTo(JobState.DOWN);
    assertThat(client.jobs().get("demo", uuid).state()).isEqualTo(JobState.DOWN);
    assertThat(client.jobs().listActive()).isEmpty();
  }

  @Test
  void invalidJobStateIsRefused() throws Exception {
    givenAppWithRelease();
    String uuid = UUID.randomUUID().toString();

    var res = send("PUT", "/apps/demo/jobs/" + uuid, "{\"state\": \"dancing\"}");

    assertError(res, 400, ApiException.VALIDATION_ERROR);
    assertThat(json(res).path("field").asText()).isEqualTo("state");
    assertThat(client.jobs().list("demo")).isEmpty();
  }

  @Test
  void killRunAndLogFailClearlyWithoutHosts() throws Exception {
    givenAppWithRelease();
    String uuid = UUID.randomUUID().toString();
    client.jobs().put(job(uuid, JobState.UP));

    var kill = send("DELETE", "/apps/demo/jobs/" + uuid, null);
    var run =
        send(
            "POST",
            "/apps/demo/jobs",
            "{\"release\": \"" + release.id() + "\", \"args\": [\"sh\"]}");
    var log = send("GET", "/apps/demo/log?lines=10", null);

    for (var res : List.of(kill, run, log)) {
      assertError(res, 503, ApiException.SERVICE_UNAVAILABLE);
      assertThat(json(res).path("message").asText()).contains("no hosts available");
    }
    assertThat(client.jobs().list("demo")).hasSize(1);
  }

  @Test
  void eventsAreListedNewestFirstAndFiltered() throws Exception {
    givenAppWithRelease();

    List<Event> all = client.events().list(null, List.of(), 0);
    List<Event> releases = client.events().list("demo", List.of(Event.RELEASE), 0);

    assertThat(all)
        .extracting(Event::objectType)
        .containsExactly(Event.RELEASE, Event.ARTIFACT, Event.ROUTE, Event.APP);
    assertThat(all).extracting(Event::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(releases).extracting(Event::objectId).containsExactly(release.id());
    assertThat(client.events().list(null, List.of(), 1)).hasSize(1);
    JsonNode one = json(send("GET", "/events/" + all.get(0).id(), null));
    assertThat(one.path("object_id").asText()).isEqualTo(release.id());
    assertError(send("GET", "/events/999999", null), 404, ApiException.OBJECT_NOT_FOUND);
  }

  @Test
  void eventStreamResumesExactlyAfterLastEventId() throws Exception {
    givenAppWithRelease();
    List<Event> past = client.events().list(null, List.of(), 0);
    // the app's default route event: artifact and release come after it
    long resumeAfter = past.get(2).id();

    try (Events stream = new Events(client.events().stream(null, List.of(), false, resumeAfter))) {
      assertThat(Long.parseLong(stream.next(Duration.ofSeconds(5)).id()))
          .isEqualTo(past.get(1).id());
      assertThat(Long.parseLong(stream.next(Duration.ofSeconds(5)).id()))
          .isEqualTo(past.get(0).id());

      client.apps().create(App.named("second"));
      var live = stream.next(Duration.ofSeconds(2));
      Event event = Json.read(live.data(), Event.class);
      assertThat(event.objectType()).isEqualTo(Event.APP);
      assertThat(Long.parseLong(live.id())).isEqualTo(event.id()).isGreaterThan(past.get(0).id());
    }
  }

  @Test
  void eventStreamWithPastSendsHistoryOldestFirstOnlyForTheApp() throws Exception {
    givenAppWithRelease();
    client.apps().create(App.named("other"));

    try (Events stream = new Events(client.events().stream("demo", List.of(), true, null))) {
      assertThat(Json.read(stream.next(Duration.ofSeconds(5)).data(), Event.class).objectType())
          .isEqualTo(Event.APP);
      assertThat(Json.read(stream.next(Duration.ofSeconds(5)).data(), Event.class).objectType())
          .isEqualTo(Event.ROUTE); // the app's default route
      assertThat(Json.read(stream.next(Duration.ofSeconds(5)).data(), Event.class).objectType())
          .isEqualTo(Event.RELEASE);

      client
          .apps()
          .update("demo", new App(null, null, Map.of("a", "b"), null, null, null, null, null));
      Event live = Json.read(stream.next(Duration.ofSeconds(2)).data(), Event.class);
      assertThat(live.app()).isEqualTo(app.id());
      assertThat(live.data().path("meta").path("a").asText()).isEqualTo("b");
    }
  }
}
