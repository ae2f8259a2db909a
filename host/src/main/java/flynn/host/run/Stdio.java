package flynn.host.run;

/**
 * How an attachable job's standard streams are wired: a terminal ({@code tty}, of {@code height}
 * rows and {@code width} columns) or pipes, stdin open or not, and where its raw output goes.
 */
public record Stdio(boolean tty, boolean stdin, int height, int width, RawSink output) {
  /** Receives a job's output as it comes, in chunks; must be thread-safe. */
  @FunctionalInterface
  public interface RawSink {
    void write(StdStream stream, byte[] bytes, int length);
  }

  /** True when the job needs more than the line output a runner always gives. */
  public boolean attachable() {
    return tty || stdin;
  }
}
