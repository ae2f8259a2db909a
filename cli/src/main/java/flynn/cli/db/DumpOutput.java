package flynn.cli.db;

import flynn.cli.CliException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a dump job's stdout goes: a file that appears only once the dump succeeded, or a stream.
 */
final class DumpOutput {
  /** A dump job writing to {@code out}; answers its exit status. */
  @FunctionalInterface
  interface Dump {
    int run(OutputStream out) throws IOException;
  }

  private DumpOutput() {}

  /**
   * Runs {@code dump} into a temp file beside {@code target} (readable by its owner only: a dump is
   * the data), which replaces {@code target} when the dump exits 0 and is deleted otherwise.
   * Answers the dump's size.
   */
  static long toFile(Path target, String program, Dump dump) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
    boolean done = false;
    try {
      long size;
      try (CountingOutputStream out =
          new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
        check(program, dump.run(out), "; no file written");
        size = out.count();
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return size;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Runs {@code dump} into {@code stream}, left open; answers the dump's size. */
  static long toStream(OutputStream stream, String program, Dump dump) throws IOException {
    CountingOutputStream out = new CountingOutputStream(stream);
    check(program, dump.run(out), "");
    out.flush();
    return out.count();
  }

  private static void check(String program, int status, String outcome) {
    if (status != 0) {
      throw new CliException(program + " failed (exit status " + status + ")" + outcome);
    }
  }
}
