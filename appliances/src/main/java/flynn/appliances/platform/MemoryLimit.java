package flynn.appliances.platform;

/** The memory limit a server's tuning is sized from. */
public final class MemoryLimit {
  public static final long MB = 1L << 20;

  private MemoryLimit() {}

  /**
   * @throws IllegalArgumentException when {@code memory} is under the {@code server}'s minimum
   */
  public static void requireAtLeast(String server, long memory, long minimumMb) {
    if (memory < minimumMb * MB) {
      throw new IllegalArgumentException(
          server
              + " needs a memory limit of at least "
              + minimumMb
              + " MB, not "
              + memory / MB
              + " MB");
    }
  }
}
