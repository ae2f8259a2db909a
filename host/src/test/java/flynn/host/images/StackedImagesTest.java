package flynn.host.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.host.Mountspec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackedImagesTest {
  private static final Path SLUG_ROOT = Path.of("/images/rootfs/slug");
  private static final List<Path> RUN = List.of(Path.of("/stacks/run"), Path.of("/stacks/base"));

  private final List<List<Mountspec>> flattened = new ArrayList<>();
  private final ImageLayers images =
      layers -> {
        flattened.add(layers);
        return layers.isEmpty() ? List.of() : List.of(SLUG_ROOT);
      };
  private final StackImages stacks =
      name -> {
        if (!name.equals("run")) {
          throw new LayerException("no stack " + name);
        }
        return RUN;
      };

  private static Mountspec stack(String name) {
    return new Mountspec(Mountspec.TYPE_STACK, name, null, null, null, null);
  }

  private static Mountspec slug() {
    return new Mountspec(
        Mountspec.TYPE_TAR, "s", "http://blob/slug.tgz", 10L, Map.of("sha256", "ab"), null);
  }

  @Test
  void aSlugSitsFlattenedOnTopOfTheStackLayers() {
    List<Path> root = new StackedImages(images, stacks).layers(List.of(stack("run"), slug()));

    assertThat(root).containsExactly(SLUG_ROOT, RUN.get(0), RUN.get(1));
    assertThat(flattened).containsExactly(List.of(slug()));
  }

  @Test
  void aJobInAStackAloneGetsOnlyTheStackLayers() {
    assertThat(new StackedImages(images, stacks).layers(List.of(stack("run"))))
        .containsExactlyElementsOf(RUN);
  }

  @Test
  void anImageWithoutAStackIsFlattenedAsBefore() {
    assertThat(new StackedImages(images, stacks).layers(List.of(slug())))
        .containsExactly(SLUG_ROOT);
    assertThat(new StackedImages(images, stacks).layers(List.of())).isEmpty();
  }

  @Test
  void aStackAboveAnotherLayerIsRefused() {
    assertThatThrownBy(
            () -> new StackedImages(images, stacks).layers(List.of(slug(), stack("run"))))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("must be the first (bottom) layer");
  }

  @Test
  void aHostWithoutStacksSaysTheJobNeedsTheRuncRunner() {
    assertThatThrownBy(() ->
            new StackedImages(images, StackImages.NONE).layers(List.of(stack("build"), slug())))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("build stack")
        .hasMessageContaining("needs the runc runner");
    assertThat(flattened).as("nothing fetched for a job that cannot run").isEmpty();
  }
}
