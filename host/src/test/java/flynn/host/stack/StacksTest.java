package flynn.host.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StacksTest {
  @TempDir Path dir;

  private Stacks stacks() {
    return new Stacks(StackConfig.defaults(dir, 10_000), Clock.systemUTC());
  }

  @Test
  void aStackIsBuiltOnlyWhenEveryLayerUnderItIs() throws IOException {
    Files.createDirectories(dir.resolve("run/rootfs"));
    assertThat(stacks().isBuilt(StackLayer.RUN)).isFalse();

    Files.createDirectories(dir.resolve("base/rootfs"));
    assertThat(stacks().isBuilt(StackLayer.RUN)).isTrue();
    assertThat(stacks().isBuilt(StackLayer.BUILD)).isFalse();
  }

  @Test
  void anUnfinishedBuildDoesNotCountAsBuilt() throws IOException {
    Files.createDirectories(dir.resolve("base/rootfs"));
    Files.createDirectories(dir.resolve(".build-run/rootfs/usr"));

    assertThat(stacks().isBuilt(StackLayer.RUN)).isFalse();
  }

  @Test
  void aJobsRootIsTheRunLayerOverTheBase() throws IOException {
    Files.createDirectories(dir.resolve("base/rootfs"));
    Files.createDirectories(dir.resolve("run/rootfs"));

    assertThat(stacks().layers(StackLayer.RUN))
        .containsExactly(dir.resolve("run/rootfs"), dir.resolve("base/rootfs"));
  }

  @Test
  void layersOfAStackNotBuiltSayHowToBuildIt() {
    assertThatThrownBy(() -> stacks().layers(StackLayer.RUN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("flynn-host stack build run");
  }

  @Test
  void aBuiltStackIsNotBuiltAgainAndLeftoversOfAKilledBuildAreRemoved() throws IOException {
    Files.createDirectories(dir.resolve("base/rootfs"));
    Files.createDirectories(dir.resolve("run/rootfs"));
    Files.createDirectories(dir.resolve(".build-build/rootfs/usr"));
    List<String> progress = new ArrayList<>();

    stacks().build(StackLayer.RUN, false, progress::add);

    assertThat(dir.resolve(".build-build")).doesNotExist();
    assertThat(progress).last().asString().contains("run is built");
  }

  @Test
  void elapsedTimesReadLikeAPersonWouldSayThem() {
    assertThat(Elapsed.format(Duration.ofMillis(41_600))).isEqualTo("42 s");
    assertThat(Elapsed.format(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
    assertThat(Elapsed.megabytes(337_400_000)).isEqualTo("337 MB");
  }
}
