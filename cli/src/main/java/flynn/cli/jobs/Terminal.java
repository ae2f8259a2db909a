package flynn.cli.jobs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user's terminal, through {@code stty} on {@code /dev/tty} (the JDK has no terminal control):
 * whether stdin and stdout are one, its size, raw mode and its restoration.
 */
final class Terminal {
  private static final File TTY = new File("/dev/tty");

  private Terminal() {}

  /** True when both the CLI's stdin and stdout are a terminal (Flynn's test for a TTY run). */
  static boolean attached() {
    try {
      Process p =
          new ProcessBuilder("sh", "-c", "test -t 0 && test -t 1")
              .redirectInput(ProcessBuilder.Redirect.INHERIT)
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Rows and columns, or empty when they cannot be read. */
  static Optional<int[]> size() {
    return stty("size").flatMap(Terminal::parseSize);
  }

  static Optional<int[]> parseSize(String sttySize) {
    String[] parts = sttySize.strip().split("\\s+");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Puts the terminal in raw mode without echo; the returned settings restore it. */
  static Optional<String> makeRaw() {
    Optional<String> saved = stty("-g").map(String::strip);
    saved.ifPresent(s -> stty("raw", "-echo"));
    return saved;
  }

  static void restore(String saved) {
    stty(saved);
  }

  private static Optional<String> stty(String... args) {
    try {
      List<String> command = new ArrayList<>(List.of("stty", "-F", TTY.getPath()));
      command.addAll(List.of(args));
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
