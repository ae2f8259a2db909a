package flynn.host.run;

/** Which output of a job a line came from; {@link #wire()} is the log line's {@code stream}. */
public enum StdStream {
  STDOUT,
  STDERR;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
