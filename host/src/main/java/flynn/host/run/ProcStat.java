package flynn.host.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/<pid>/stat} the host needs. The command name (field 2) may contain
 * spaces and parentheses, so fields are counted from the last {@code ')'}.
 */
public record ProcStat(long pid, char state, long ppid, long pgrp, long session, long startTime) {
  private static final Path PROC = Path.of("/proc");

  /** True for a process that has exited but not been reaped yet. */
  public boolean isZombie() {
    return state == 'Z' || state == 'X';
  }

  /** The process's stat, or empty when there is no such process. */
  public static Optional<ProcStat> read(long pid) {
    try {
      return Optional.of(parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Parses one stat line; throws IllegalArgumentException when it is not one. */
  public static ProcStat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 1 || close < open) {
      throw new IllegalArgumentException("not a /proc stat line: " + line);
    }
    // after ")": field 3 (state) is index 0, so field n is index n - 3
    String[] f = line.substring(close + 1).trim().split("\\s+");
    if (f.length < 20 || f[0].length() != 1) {
      throw new IllegalArgumentException("not a /proc stat line: " + line);
    }
    try {
      return new ProcStat(
          Long.parseLong(line.substring(0, open).trim()),
          f[0].charAt(0),
          Long.parseLong(f[1]),
          Long.parseLong(f[2]),
          Long.parseLong(f[3]),
          Long.parseLong(f[19]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a /proc stat line: " + line, e);
    }
  }
}
