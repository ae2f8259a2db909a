package flynn.host.runc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds tini in the image, to run as the container's PID 1 so signals reach the app. */
final class RootfsInit {
  static final List<String> CANDIDATES = List.of("/usr/bin/tini", "/sbin/tini");

  private RootfsInit() {}

  /** The first candidate present in any layer (the first layer is the top one). */
  static Optional<String> find(List<Path> layers) {
    for (String candidate : CANDIDATES) {
      for (Path layer : layers) {
        if (Files.isRegularFile(layer.resolve(candidate.substring(1)))) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
