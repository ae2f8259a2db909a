package flynn.host.stack;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Runs a long tool (debootstrap, apt-get) with its output streamed line by line, prefixed, so a
 * user sees it move; a failure carries the tool's last lines.
 */
final class StreamedCommand {
  private static final int TAIL = 8;

  private StreamedCommand() {}

  static void run(List<String> command, String prefix, Progress progress) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    Deque<String> tail = new ArrayDeque<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        progress.line(prefix + line);
        tail.addLast(line);
        if (tail.size() > TAIL) {
          tail.removeFirst();
        }
      }
      int status = process.waitFor();
      if (status != 0) {
        throw new IOException(
            String.join(" ", command) + " exited " + status + ": " + String.join(" | ", tail));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while running " + String.join(" ", command));
    } finally {
      process.destroyForcibly();
    }
  }
}
