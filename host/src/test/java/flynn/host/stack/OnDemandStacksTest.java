package flynn.host.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.host.images.LayerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnDemandStacksTest {
  @TempDir Path dir;

  private OnDemandStacks stacks() {
    return new OnDemandStacks(new Stacks(StackConfig.defaults(dir, 10_000), Clock.systemUTC()));
  }

  @Test
  void aBuiltStackGivesItsLayersTopFirstWithoutBuilding() throws IOException {
    for (String layer : new String[] {"base", "run", "build"}) {
      Files.createDirectories(dir.resolve(layer).resolve("rootfs"));
    }

    assertThat(stacks().layers("build"))
        .containsExactly(
            dir.resolve("build/rootfs"), dir.resolve("run/rootfs"), dir.resolve("base/rootfs"));
    assertThat(stacks().isReady("build")).isTrue();
  }

  @Test
  void aStackWithAMissingLayerIsNotReady() throws IOException {
    Files.createDirectories(dir.resolve("base/rootfs"));
    Files.createDirectories(dir.resolve("run/rootfs"));

    assertThat(stacks().isReady("run")).isTrue();
    assertThat(stacks().isReady("build")).isFalse();
  }

  @Test
  void anUnknownStackFailsNamingTheStacksThereAre() {
    assertThatThrownBy(() -> stacks().layers("heroku-18"))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("unknown stack")
        .hasMessageContaining("heroku-18")
        .hasMessageContaining("base, run, build");
  }
}
