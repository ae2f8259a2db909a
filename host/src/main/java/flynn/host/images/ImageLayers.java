package flynn.host.images;

import flynn.api.host.Mountspec;
import java.nio.file.Path;
import java.util.List;

/** Resolves a job's image layers to root filesystem dirs on this host (top first). */
@FunctionalInterface
public interface ImageLayers {
  /** For hosts that fetch no images: a job with layers is refused with a clear error. */
  ImageLayers NONE =
      image -> {
        if (!image.isEmpty()) {
          throw new LayerException("this host has no image store: cannot run an image job");
        }
        return List.of();
      };

  /** Empty when the job has no image (it runs in the runner's default root). */
  List<Path> layers(List<Mountspec> image);
}
