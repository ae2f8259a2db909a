package flynn.host.images;

import flynn.api.host.Mountspec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's root made of a stack image of this host at the bottom (its layer dirs as they are) and
 * the job's other layers above it, flattened by {@code images} (a slug on the run stack, or nothing
 * on the build stack).
 */
public final class StackedImages implements ImageLayers {
  private final ImageLayers images;
  private final StackImages stacks;

  public StackedImages(ImageLayers images, StackImages stacks) {
    this.images = images;
    this.stacks = stacks;
  }

  @Override
  public List<Path> layers(List<Mountspec> mountspecs) {
    JobImage image = JobImage.of(mountspecs);
    if (image.stack() == null) {
      return images.layers(image.layers());
    }
    List<Path> stack = stacks.layers(image.stack());
    List<Path> all = new ArrayList<>(images.layers(image.layers()));
    all.addAll(stack);
    return List.copyOf(all);
  }
}
