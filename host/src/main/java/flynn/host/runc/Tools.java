package flynn.host.runc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Absolute paths of the system tools the runner drives, so no PATH decides which one runs. */
final class Tools {
  static final String IP = find("ip");
  static final String MOUNT = find("mount");
  static final String UMOUNT = find("umount");
  static final String SETSID = find("setsid");

  private Tools() {}

  static String find(String name) {
    return Stream.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElse(name);
  }
}
