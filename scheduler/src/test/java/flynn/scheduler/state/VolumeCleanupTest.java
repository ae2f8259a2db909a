package flynn.scheduler.state;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.Volume;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VolumeCleanupTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2024-01-01T12:00:00Z");
  private static final String UUID = "0b0c1d2e-3f40-4152-8364-758697a8b9c0";

  private static Volume volume(
      String id, String host, String state, OffsetDateTime decommissioned) {
    return new Volume(
        id,
        host,
        "data",
        state,
        "app",
        "rel",
        "h1-" + UUID,
        "db",
        "/data",
        false,
        null,
        NOW,
        NOW,
        decommissioned);
  }

  @Test
  void onlyDecommissionedVolumesOnLiveHostsNotYetDestroyedOrBeingDeletedGo() {
    List<Volume> volumes =
        List.of(
            volume("keep", "h1", Volume.CREATED, null),
            volume("go", "h1", Volume.CREATED, NOW),
            volume("gone", "h1", Volume.DESTROYED, NOW),
            volume("host-down", "h9", Volume.CREATED, NOW),
            volume("busy", "h1", Volume.CREATED, NOW));

    List<Volume> destroy = VolumeCleanup.toDestroy(volumes, Set.of("h1"), Set.of(), Set.of("busy"));

    assertThat(destroy).extracting(Volume::id).containsExactly("go");
  }

  @Test
  void aVolumeWhoseJobStillRunsIsKeptUntilTheJobStops() {
    List<Volume> volumes = List.of(volume("v", "h1", Volume.CREATED, NOW));

    assertThat(VolumeCleanup.toDestroy(volumes, Set.of("h1"), Set.of(UUID), Set.of())).isEmpty();
    assertThat(VolumeCleanup.toDestroy(volumes, Set.of("h1"), Set.of(), Set.of()))
        .extracting(Volume::id)
        .containsExactly("v");
  }
}
