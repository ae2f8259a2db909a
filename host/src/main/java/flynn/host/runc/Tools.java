package flynn.host.runc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Absolute paths of the system tools the runner drives, so no PATH decides which one runs. */
public final class Tools {
  public static final String IP = find("ip");
  public static final String MOUNT = find("mount");
  public static final String UMOUNT = find("umount");
  public static final String SETSID = find("setsid");

  private Tools() {}

  public static String find(String name) {
    return Stream.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElse(name);
  }
}
