package flynn.host.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.host.ResourceSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobLimitsTest {
  @Test
  void missingResourcesTakeFlynnsDefaults() {
    assertThat(JobLimits.of(null)).isEqualTo(new JobLimits(1L << 30, 1000, 10_000, 0));
  }

  @Test
  void theLimitWinsOverTheRequest() {
    JobLimits limits =
        JobLimits.of(
            Map.of(
                "memory",
                new ResourceSpec(64L << 20, 128L << 20),
                "cpu",
                new ResourceSpec(250L, null),
                "max_fd",
                ResourceSpec.of(4096),
                "max_procs",
                ResourceSpec.of(100)));

    assertThat(limits).isEqualTo(new JobLimits(128L << 20, 250, 4096, 100));
  }

  @Test
  void theTempDiskIsFlynnsTempDiskResourceAndOneHundredMebibytesByDefault() {
    assertThat(JobLimits.defaults().tempDiskBytes()).isEqualTo(100L << 20);
    assertThat(JobLimits.of(Map.of("temp_disk", ResourceSpec.of(200L << 20))).tempDiskBytes())
        .isEqualTo(200L << 20);
  }

  @Test
  void nonPositiveLimitsAreRefused() {
    assertThatThrownBy(() -> new JobLimits(0, 1000, 10, 0)).hasMessageContaining("positive");
  }
}
