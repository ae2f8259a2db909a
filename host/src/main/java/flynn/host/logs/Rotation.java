package flynn.host.logs;

/** When an app's log file is rotated. */
final class Rotation {
  /**
   * Each app's log is bounded to this many bytes per file, and one previous file is kept, so an app
   * uses at most twice this on a host (Flynn: 100 MB and one rotation).
   */
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  /** How many rotated files are kept besides the current one. */
  static final int KEPT_ROTATIONS = 1;

  private Rotation() {}

  /** Rotate before writing a line that would take a non-empty file past the limit. */
  static boolean isDue(long currentSize, long lineBytes, long maxFileBytes) {
    return currentSize > 0 && currentSize + lineBytes > maxFileBytes;
  }
}
