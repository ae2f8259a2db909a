package flynn.cli.volume;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.Volume;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeListTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-01-01T12:00:00Z");

  private static Volume volume(String id, OffsetDateTime created, OffsetDateTime decommissioned) {
    return new Volume(
        id,
        "host1",
        "data",
        "created",
        "app-id",
        "rel",
        "host1-job",
        "db",
        "/data",
        false,
        null,
        created,
        created,
        decommissioned);
  }

  @Test
  void listsTheAppsVolumesOldestFirstWithTheirJob() {
    String out =
        VolumeList.table(
            List.of(volume("v-new", T0.plusHours(1), null), volume("v-old", T0, null)), false);

    assertThat(out)
        .isEqualTo(
            "ID     HOST   TYPE  PATH   JOB        STATE\n"
                + "v-old  host1  db    /data  host1-job  created\n"
                + "v-new  host1  db    /data  host1-job  created\n");
  }

  @Test
  void theClusterListHasTheAppAndADecommissionedVolumeSaysSo() {
    String out = VolumeList.table(List.of(volume("v1", T0, T0)), true);

    assertThat(out.lines().toList())
        .containsExactly(
            "ID  APP     HOST   TYPE  PATH   JOB        STATE",
            "v1  app-id  host1  db    /data  host1-job  decommissioned");
  }
}
