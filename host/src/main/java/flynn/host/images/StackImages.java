package flynn.host.images;

import java.nio.file.Path;
import java.util.List;

/** This host's stack images by name ({@code run}, {@code build}): the bottom of a job's root. */
@FunctionalInterface
public interface StackImages {
  /** For hosts that run jobs as plain processes: a job in a stack is refused with a clear error. */
  StackImages NONE =
      name -> {
        throw new LayerException(
            "the job runs in the "
                + name
                + " stack, which needs the runc runner: this host runs jobs as plain processes"
                + " (start flynn-host as root with runc installed)");
      };

  /**
   * The root dirs of the stack's layers, top first (its base last), built first when missing.
   *
   * @throws LayerException when there is no such stack or it cannot be built
   */
  List<Path> layers(String name);
}
