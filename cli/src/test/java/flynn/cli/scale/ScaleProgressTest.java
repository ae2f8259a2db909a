package flynn.cli.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.Event;
import flynn.cli.scale.ScaleProgress.State;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ScaleProgressTest {
  static final LocalTime AT = LocalTime.of(2, 28, 34, 333_000_000);
  final ScaleProgress progress = new ScaleProgress("rel-1", "sr-1");

  static Event event(String type, String json) {
    JsonNode data = Json.read(json, JsonNode.class);
    return new Event(1L, "app-1", type, "x", data, null);
  }

  @Test
  void printsJobStateChangesOfTheReleaseAsFlynnDoes() {
    ScaleProgress.Step step =
        progress.on(
            event(
                "job",
                "{\"id\":\"host-abc\",\"type\":\"web\",\"state\":\"up\",\"release\":\"rel-1\"}"),
            AT);

    assertThat(step.state()).isEqualTo(State.SCALING);
    assertThat(step.line()).contains("02:28:34.333 ==> web host-abc up");
  }

  @Test
  void unplacedJobsShowTheirUuidAndOtherReleasesAreIgnored() {
    assertThat(
            progress
                .on(
                    event(
                        "job",
                        "{\"uuid\":\"u-1\",\"type\":\"web\",\"state\":\"pending\",\"release\":\"rel-1\"}"),
                    AT)
                .line())
        .contains("02:28:34.333 ==> web u-1 pending");
    assertThat(
            progress
                .on(
                    event(
                        "job",
                        "{\"id\":\"h-1\",\"type\":\"web\",\"state\":\"up\",\"release\":\"rel-0\"}"),
                    AT)
                .line())
        .isEmpty();
  }

  @Test
  void endsOnlyOnOwnScaleRequestCompleteOrCancelled() {
    assertThat(
            progress
                .on(event("scale_request", "{\"id\":\"sr-0\",\"state\":\"complete\"}"), AT)
                .state())
        .isEqualTo(State.SCALING);
    assertThat(
            progress
                .on(event("scale_request", "{\"id\":\"sr-1\",\"state\":\"pending\"}"), AT)
                .state())
        .isEqualTo(State.SCALING);
    assertThat(
            progress
                .on(event("scale_request", "{\"id\":\"sr-1\",\"state\":\"complete\"}"), AT)
                .state())
        .isEqualTo(State.COMPLETE);
    assertThat(
            progress
                .on(event("scale_request", "{\"id\":\"sr-1\",\"state\":\"cancelled\"}"), AT)
                .state())
        .isEqualTo(State.CANCELLED);
  }

  @Test
  void withoutAnIdAnyRequestForTheReleaseCounts() {
    ScaleProgress anonymous = new ScaleProgress("rel-1", null);

    assertThat(
            anonymous
                .on(
                    event(
                        "scale_request",
                        "{\"id\":\"x\",\"release\":\"rel-1\",\"state\":\"complete\"}"),
                    AT)
                .state())
        .isEqualTo(State.COMPLETE);
  }
}
