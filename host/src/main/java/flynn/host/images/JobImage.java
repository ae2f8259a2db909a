package flynn.host.images;

import flynn.api.host.Mountspec;
import java.util.List;

/**
 * A job's mountspecs split into the stack image it sits on (null: none) and the layers above it,
 * bottom first. Only the first mountspec may name a stack.
 */
record JobImage(String stack, List<Mountspec> layers) {
  JobImage {
    layers = List.copyOf(layers);
  }

  static JobImage of(List<Mountspec> mountspecs) {
    for (int i = 1; i < mountspecs.size(); i++) {
      if (isStack(mountspecs.get(i))) {
        throw new LayerException(
            "stack " + mountspecs.get(i).id() + " must be the first (bottom) layer of the job");
      }
    }
    if (mountspecs.isEmpty() || !isStack(mountspecs.getFirst())) {
      return new JobImage(null, mountspecs);
    }
    return new JobImage(mountspecs.getFirst().id(), mountspecs.subList(1, mountspecs.size()));
  }

  static boolean isStack(Mountspec spec) {
    return Mountspec.TYPE_STACK.equals(spec.type());
  }
}
