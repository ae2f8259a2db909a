package flynn.host.runc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a short-lived system tool (ip, mount, runc) to completion and captures what it printed. */
public final class Command {
  public record Result(List<String> command, int status, String stdout, String stderr) {
    public boolean ok() {
      return status == 0;
    }

    /** The tool's own complaint, for error messages and logs. */
    public String problem() {
      String text = stderr.isBlank() ? stdout : stderr;
      return String.join(" ", command) + " exited " + status + ": " + text.strip();
    }
  }

  private Command() {}

  public static Result run(List<String> command) throws IOException {
    return run(command, null);
  }

  /** Runs {@code command}, feeding it {@code input} (null: nothing) on stdin. */
  public static Result run(List<String> command, String input) throws IOException {
    Process process = new ProcessBuilder(command).start();
    try (OutputStream stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    String[] err = new String[1];
    Thread stderr =
        Thread.ofVirtual()
            .name("command-stderr")
            .start(() -> err[0] = readQuietly(process.getErrorStream()));
    String out = readQuietly(process.getInputStream());
    try {
      int status = process.waitFor();
      stderr.join();
      return new Result(command, status, out, err[0] == null ? "" : err[0]);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + String.join(" ", command), e);
    }
  }

  /** Runs {@code command} and fails with the tool's message unless it succeeded. */
  public static Result check(List<String> command) throws IOException {
    return check(command, null);
  }

  public static Result check(List<String> command, String input) throws IOException {
    Result result = run(command, input);
    if (!result.ok()) {
      throw new IOException(result.problem());
    }
    return result;
  }

  private static String readQuietly(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
