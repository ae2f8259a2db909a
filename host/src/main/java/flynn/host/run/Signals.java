package flynn.host.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Signals a whole process group with the system's {@code kill} ({@code kill -s SIG -- -<pgid>}):
 * the JDK can only signal single processes.
 */
final class Signals {
  private static final String KILL = executable("kill");
  private static final long OWN_GROUP =
      ProcStat.read(ProcessHandle.current().pid()).map(ProcStat::pgrp).orElse(-1L);

  private Signals() {}

  /** Sends {@code signal} (TERM, KILL...) to the group; false when no such group exists. */
  static boolean signalGroup(long pgid, String signal) {
    if (pgid <= 1 || pgid == OWN_GROUP) {
      throw new IllegalArgumentException("refusing to signal process group " + pgid);
    }
    try {
      Process kill =
          new ProcessBuilder(List.of(KILL, "-s", signal, "--", "-" + pgid))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return kill.waitFor() == 0;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + KILL + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The absolute path of a system tool, so a job's PATH never decides which one runs. */
  static String executable(String name) {
    return Stream.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElse(name);
  }
}
