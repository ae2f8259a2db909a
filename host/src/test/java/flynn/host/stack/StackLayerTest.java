package flynn.host.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackLayerTest {
  @Test
  void layersAreBuiltBottomUp() {
    assertThat(StackLayer.BUILD.chain())
        .containsExactly(StackLayer.BASE, StackLayer.RUN, StackLayer.BUILD);
    assertThat(StackLayer.BASE.chain()).containsExactly(StackLayer.BASE);
  }

  @Test
  void theLayersBelowAreListedTopFirstAsOverlayfsWantsThem() {
    assertThat(StackLayer.BUILD.lowerLayers()).containsExactly(StackLayer.RUN, StackLayer.BASE);
    assertThat(StackLayer.BASE.lowerLayers()).isEmpty();
  }

  @Test
  void theRunStackCarriesTheRuntimesAndTheBaseTini() {
    assertThat(StackLayer.BASE.packages()).contains("tini", "ca-certificates", "curl");
    assertThat(StackLayer.RUN.packages()).contains("python3", "nodejs");
    assertThat(StackLayer.RUN.packages()).doesNotContain("build-essential", "git");
  }

  @Test
  void stacksAreNamedByTheirTopLayer() {
    assertThat(StackLayer.named("run")).isEqualTo(StackLayer.RUN);
    assertThat(StackLayer.named("BUILD")).isEqualTo(StackLayer.BUILD);
    assertThatThrownBy(() -> StackLayer.named("heroku-18"))
        .hasMessage(
            "no stack named heroku-18: choose one of base, run, build, postgres, redis, mariadb");
  }

  @Test
  void appliancesAreBuiltOnTheBaseAloneSoRebuildingOneLeavesTheOthers() {
    assertThat(StackLayer.POSTGRES.chain()).containsExactly(StackLayer.BASE, StackLayer.POSTGRES);
    assertThat(StackLayer.REDIS.isOn(StackLayer.BASE)).isTrue();
    assertThat(StackLayer.REDIS.isOn(StackLayer.POSTGRES)).isFalse();
    assertThat(StackLayer.MARIADB.isOn(StackLayer.RUN)).isFalse();
    assertThat(StackLayer.BUILD.isOn(StackLayer.RUN)).isTrue();
  }

  @Test
  void eachApplianceLayerInstallsItsStartScript() {
    for (StackLayer layer : List.of(StackLayer.POSTGRES, StackLayer.REDIS, StackLayer.MARIADB)) {
      LayerFile script = layer.files().getFirst();
      assertThat(script.path()).isEqualTo("usr/local/bin/flynn-" + layer.layerName() + "-start");
      assertThat(script.executable()).isTrue();
      assertThat(new String(script.content(), java.nio.charset.StandardCharsets.UTF_8))
          .startsWith("#!/bin/bash");
    }
  }

  @Test
  void aLayerBuiltOnOthersKeepsItsUpperSelfContained() {
    assertThat(
            LayerBuilder.overlayOptions(
                List.of(Path.of("/s/run/rootfs"), Path.of("/s/base/rootfs")),
                Path.of("/s/.build-build/rootfs"),
                Path.of("/s/.build-build/work")))
        .isEqualTo(
            "lowerdir=/s/run/rootfs:/s/base/rootfs,upperdir=/s/.build-build/rootfs,"
                + "workdir=/s/.build-build/work,index=off,metacopy=off,redirect_dir=off");
  }
}
