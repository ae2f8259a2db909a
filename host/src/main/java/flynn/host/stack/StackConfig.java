package flynn.host.stack;

import java.nio.file.Path;

/**
 * Where stacks live and how they are made: the stack dir (one sub-dir per built layer), the apt
 * config dir whose sources name the mirrors, the Debian release, and the uid and gid of the
 * unprivileged {@code app} user the stack defines for app processes.
 */
public record StackConfig(Path dir, Path aptDir, String release, int appUid) {
  public static final String RELEASE = "bookworm";

  /** Stacks in {@code dir}, from this machine's {@code /etc/apt} sources, Debian bookworm. */
  public static StackConfig defaults(Path dir, int appUid) {
    return new StackConfig(dir, Path.of("/etc/apt"), RELEASE, appUid);
  }
}
