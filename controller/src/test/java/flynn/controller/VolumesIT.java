package flynn.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.App;
import flynn.api.controller.Event;
import flynn.api.controller.Volume;
import flynn.api.http.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumesIT extends ControllerTestBase {
  private static final String V1 = "0b0c1d2e-3f40-4152-8364-758697a8b9c0";
  private static final String V2 = "1b0c1d2e-3f40-4152-8364-758697a8b9c0";

  private static Volume volume(String id, String app, String job) {
    return new Volume(
        id,
        "host1",
        Volume.TYPE_DATA,
        Volume.CREATED,
        app,
        null,
        job,
        "db",
        "/data",
        false,
        Map.of("k", "v"),
        null,
        null,
        null);
  }

  @Test
  void aRecordedVolumeIsListedForTheClusterAndItsAppWithAnEvent() {
    App app = client.apps().create(App.named("demo"));
    client.apps().create(App.named("other"));

    client.volumes().put(volume(V1, app.id(), "host1-job"));

    assertThat(client.volumes().listAll()).extracting(Volume::id).containsExactly(V1);
    assertThat(client.volumes().list("other")).isEmpty();
    Volume got = client.volumes().get("demo", V1);
    assertThat(got.hostId()).isEqualTo("host1");
    assertThat(got.app()).isEqualTo(app.id());
    assertThat(got.job()).isEqualTo("host1-job");
    assertThat(got.path()).isEqualTo("/data");
    assertThat(got.meta()).containsEntry("k", "v");
    assertThat(got.createdAt()).isNotNull();
    assertThat(client.events().list(app.id(), List.of("volume"), 0))
        .extracting(Event::objectId)
        .contains(V1);
  }

  @Test
  void aPutMovesTheVolumeToItsNewJobAndKeepsItsCreationTime() {
    App app = client.apps().create(App.named("demo"));
    client.volumes().put(volume(V1, app.id(), "host1-first"));
    var created = client.volumes().get("demo", V1).createdAt();

    client.volumes().put(volume(V1, app.id(), "host1-second"));

    Volume got = client.volumes().get("demo", V1);
    assertThat(got.job()).isEqualTo("host1-second");
    assertThat(got.createdAt()).isEqualTo(created);
  }

  @Test
  void decommissioningStaysAlsoWhenTheSchedulerWritesTheVolumeAgain() {
    App app = client.apps().create(App.named("demo"));
    client.volumes().put(volume(V1, app.id(), "host1-job"));

    Volume decommissioned = client.volumes().decommission("demo", V1);
    client.volumes().put(volume(V1, app.id(), "host1-job"));

    assertThat(decommissioned.decommissionedAt()).isNotNull();
    assertThat(client.volumes().get("demo", V1).decommissionedAt()).isNotNull();
  }

  @Test
  void deletingAnAppDecommissionsItsVolumesOnly() {
    App demo = client.apps().create(App.named("demo"));
    App other = client.apps().create(App.named("other"));
    client.volumes().put(volume(V1, demo.id(), "host1-a"));
    client.volumes().put(volume(V2, other.id(), "host1-b"));

    client.apps().delete("demo");

    assertThat(client.volumes().listAll())
        .extracting(Volume::id, v -> v.decommissionedAt() != null)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(V1, true),
            org.assertj.core.groups.Tuple.tuple(V2, false));
  }

  @Test
  void aVolumeOfAnotherAppIsNotFoundThroughThisApp() throws Exception {
    App demo = client.apps().create(App.named("demo"));
    client.apps().create(App.named("other"));
    client.volumes().put(volume(V1, demo.id(), "host1-a"));

    assertThatThrownBy(() -> client.volumes().get("other", V1))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.isNotFound()).isTrue());
    assertError(
        send("PUT", "/apps/other/volumes/" + V1 + "/decommission", ""),
        404,
        ApiException.OBJECT_NOT_FOUND);
  }

  @Test
  void aVolumeWithoutHostOrWithAnUnsafeIdIsRefused() throws Exception {
    App demo = client.apps().create(App.named("demo"));

    var noHost = send("PUT", "/volumes/" + V1, "{\"app\":\"" + demo.id() + "\"}");
    var badId = send("PUT", "/volumes/bad%20id", "{\"host_id\":\"host1\"}");

    assertError(noHost, 400, ApiException.VALIDATION_ERROR);
    assertThat(json(noHost).path("field").asText()).isEqualTo("host_id");
    assertError(badId, 400, ApiException.VALIDATION_ERROR);
    assertThat(client.volumes().listAll()).isEmpty();
  }
}
