package flynn.gitreceive.build;

import flynn.api.controller.NewJob;
import flynn.api.host.ResourceSpec;
import flynn.api.host.Resources;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one-off job a build runs as: the build stack, no release env, memory and temp disk. */
public final class BuildJobSpec {
  /** The env var of an app that sets its builds' memory limit: bytes, or with a K/M/G suffix. */
  public static final String BUILD_MEMORY = "BUILD_MEMORY";

  /** Job meta naming the commit a build job builds. */
  public static final String META_BUILD = "flynn.build";

  private BuildJobSpec() {}

  /**
   * @param release the app's current release id, or null before its first
   * @param buildStack the id of the build stack's artifact
   * @param appEnv the app's release env (read for {@link #BUILD_MEMORY})
   */
  public static NewJob newJob(
      String release,
      String buildStack,
      List<String> command,
      Map<String, String> appEnv,
      String commit,
      BuildSettings settings) {
    long memory = memory(appEnv.get(BUILD_MEMORY), settings.memory());
    Map<String, ResourceSpec> resources =
        Map.of(
            Resources.MEMORY,
            ResourceSpec.of(memory),
            Resources.TEMP_DISK,
            ResourceSpec.of(settings.tempDisk()));
    return new NewJob(
        release,
        List.of(buildStack),
        false,
        command,
        Map.of("SOURCE_VERSION", commit),
        Map.of(META_BUILD, commit),
        false,
        null,
        null,
        true, // the pusher sees the build's log; its stdout is the output tar, not app log lines
        resources,
        null,
        null,
        null,
        null,
        null);
  }

  /** {@code 512M}, {@code 2G}, {@code 1048576}: bytes; the default when unset. */
  static long memory(String value, long fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.strip().toUpperCase(Locale.ROOT);
    v = v.endsWith("B") ? v.substring(0, v.length() - 1) : v;
    int shift =
        switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
          case 'K' -> 10;
          case 'M' -> 20;
          case 'G' -> 30;
          default -> 0;
        };
    String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
    try {
      long n = Long.parseLong(digits.strip());
      if (n <= 0) {
        throw new NumberFormatException("not positive");
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          BUILD_MEMORY + " must be bytes or a size such as 512M or 2G, not " + value, e);
    }
  }
}
