package flynn.host.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.http.ApiException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VolumeIdsTest {
  @ParameterizedTest
  @ValueSource(strings = {"..", "../etc", "a/b", "/abs", ".hidden", "a..b", "", "a b"})
  void idsThatCouldLeaveTheVolumesDirectoryAreRefused(String id) {
    assertThatThrownBy(() -> VolumeIds.checked(id))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("volume id");
  }

  @Test
  void aUuidIsAValidId() {
    String id = "0b0c1d2e-3f40-4152-8364-758697a8b9c0";

    assertThat(VolumeIds.checked(id)).isEqualTo(id);
  }

  @Test
  void aProcessJobSeesItsVolumeAtTheTargetUnderItsWorkingDirectory() {
    assertThat(VolumeLinks.linkPath(Path.of("/jobs/j1"), "/data"))
        .isEqualTo(Path.of("/jobs/j1/data"));
    assertThat(VolumeLinks.linkPath(Path.of("/jobs/j1"), "/var/lib/db"))
        .isEqualTo(Path.of("/jobs/j1/var/lib/db"));
  }

  @Test
  void aLinkTargetCannotEscapeTheWorkingDirectory() {
    assertThatThrownBy(() -> VolumeLinks.linkPath(Path.of("/jobs/j1"), "/../../etc"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VolumeLinks.linkPath(Path.of("/jobs/j1"), "/"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
