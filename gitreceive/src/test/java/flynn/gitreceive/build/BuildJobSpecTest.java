package flynn.gitreceive.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.NewJob;
import flynn.api.host.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildJobSpecTest {
  @Test
  void theJobRunsInTheBuildStackWithoutTheReleaseEnv() {
    NewJob job =
        BuildJobSpec.newJob(
            "rel", "stack-build", List.of("/build"), Map.of(), "abc123", BuildSettings.DEFAULTS);

    assertThat(job.artifacts()).containsExactly("stack-build");
    assertThat(job.releaseEnv()).isFalse();
    assertThat(job.env()).containsEntry("SOURCE_VERSION", "abc123");
    assertThat(job.resources().get(Resources.MEMORY).limit()).isEqualTo(2L << 30);
    assertThat(job.resources().get(Resources.TEMP_DISK).limit()).isEqualTo(8L << 30);
  }

  @Test
  void theAppsBuildMemorySetsTheLimit() {
    NewJob job =
        BuildJobSpec.newJob(
            null,
            "s",
            List.of(),
            Map.of(BuildJobSpec.BUILD_MEMORY, "512M"),
            "abc",
            BuildSettings.DEFAULTS);

    assertThat(job.resources().get(Resources.MEMORY).limit()).isEqualTo(512L << 20);
  }

  @Test
  void sizesParse() {
    assertThat(BuildJobSpec.memory("1g", 0)).isEqualTo(1L << 30);
    assertThat(BuildJobSpec.memory("2048", 0)).isEqualTo(2048);
    assertThat(BuildJobSpec.memory("256MB", 0)).isEqualTo(256L << 20);
    assertThat(BuildJobSpec.memory(null, 7)).isEqualTo(7);
    assertThatThrownBy(() -> BuildJobSpec.memory("lots", 0))
        .hasMessageContaining("BUILD_MEMORY must be bytes");
  }
}
