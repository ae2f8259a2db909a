package flynn.host.health;

/** One probe of a job's port: passed, or why not. */
public record ProbeResult(boolean passed, String error) {
  private static final ProbeResult PASS = new ProbeResult(true, null);

  public static ProbeResult pass() {
    return PASS;
  }

  public static ProbeResult fail(String error) {
    return new ProbeResult(false, error);
  }
}
