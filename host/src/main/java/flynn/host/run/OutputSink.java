package flynn.host.run;

/** Receives a job's output, one line at a time (without the newline). Must be thread-safe. */
@FunctionalInterface
public interface OutputSink {
  void line(StdStream stream, String text);
}
