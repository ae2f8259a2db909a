package flynn.cli.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.host.ResourceSpec;
import flynn.cli.CliException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceLimitsTest {
  static final ProcessType WEB =
      new ProcessType(
          List.of("server"),
          null,
          null,
          null,
          null,
          null,
          "app-web",
          null,
          null,
          null,
          null,
          null,
          null);
  static final ProcessType WORKER = WEB.withResources(Map.of("memory", ResourceSpec.of(1L << 30)));
  static final Release CURRENT =
      new Release(
          "r1",
          "app",
          List.of("a1"),
          Map.of("A", "1"),
          null,
          Map.of("web", WEB, "worker", WORKER),
          null,
          null);

  @Test
  void parsesFlynnsSyntaxWithBinaryBytesAndDecimalCounts() {
    assertThat(
            ResourceLimits.parse(
                List.of("memory=256MB", "cpu=500", "max_procs=100", "max_fd=4096", "temp_disk=1g")))
        .containsEntry("memory", 256L << 20)
        .containsEntry("cpu", 500L)
        .containsEntry("max_procs", 100L)
        .containsEntry("max_fd", 4096L)
        .containsEntry("temp_disk", 1L << 30);
    assertThat(ResourceLimits.parse(List.of("memory=1.5GiB", "cpu=2k")))
        .containsEntry("memory", 3L << 29)
        .containsEntry("cpu", 2000L);
  }

  @Test
  void badLimitsSayWhatIsWrong() {
    assertThatThrownBy(() -> ResourceLimits.parse(List.of("memory")))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("want TYPE=VALUE");
    assertThatThrownBy(() -> ResourceLimits.parse(List.of("disk=1GB")))
        .hasMessageContaining("invalid resource limit type: \"disk\"")
        .hasMessageContaining("memory, cpu");
    assertThatThrownBy(() -> ResourceLimits.parse(List.of("memory=lots")))
        .hasMessageContaining("invalid resource limit value: \"lots\"");
    assertThatThrownBy(() -> ResourceLimits.parse(List.of("cpu=0")))
        .hasMessageContaining("must be positive");
  }

  @Test
  void formatsLikeFlynn() {
    assertThat(ResourceLimits.format("memory", 1L << 30)).isEqualTo("1GB");
    assertThat(ResourceLimits.format("memory", 256L << 20)).isEqualTo("256MB");
    assertThat(ResourceLimits.format("temp_disk", 3L << 29)).isEqualTo("1.5GB");
    assertThat(ResourceLimits.format("memory", 1000)).isEqualTo("1000B");
    assertThat(ResourceLimits.format("max_fd", 10_000)).isEqualTo("10000");
    assertThat(
            ResourceLimits.describe(
                Map.of("memory", ResourceSpec.of(1L << 30), "cpu", ResourceSpec.of(1000))))
        .containsExactly("cpu=1000", "memory=1GB");
  }

  @Test
  void settingLimitsCopiesTheReleaseWithDefaultsFilledIn() {
    Release next = ResourceLimits.apply(CURRENT, "web", Map.of("memory", 256L << 20));

    assertThat(next.id()).isNull();
    assertThat(next.artifacts()).containsExactly("a1");
    assertThat(next.env()).containsEntry("A", "1");
    assertThat(next.processes().get("worker")).isEqualTo(WORKER);
    ProcessType web = next.processes().get("web");
    assertThat(web.args()).containsExactly("server");
    assertThat(web.resources())
        .containsEntry("memory", ResourceSpec.of(256L << 20))
        .containsEntry("cpu", ResourceSpec.of(1000))
        .containsEntry("max_fd", ResourceSpec.of(10_000));
  }

  @Test
  void anUnknownProcessTypeIsRefusedWithTheTypesThereAre() {
    assertThatThrownBy(() -> ResourceLimits.apply(CURRENT, "wbe", Map.of("cpu", 500L)))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("\"wbe\"")
        .hasMessageContaining("web, worker");
    assertThatThrownBy(() -> ResourceLimits.apply(null, "web", Map.of("cpu", 500L)))
        .isInstanceOf(CliException.class);
  }
}
