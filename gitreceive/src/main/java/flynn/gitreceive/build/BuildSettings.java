package flynn.gitreceive.build;

import java.time.Duration;

/**
 * Platform defaults of build jobs.
 *
 * @param timeout how long a build may run before its job is killed
 * @param memory the memory limit in bytes unless the app's env sets {@code BUILD_MEMORY}
 * @param tempDisk the job's temp disk in bytes
 */
public record BuildSettings(Duration timeout, long memory, long tempDisk) {
  public static final BuildSettings DEFAULTS =
      new BuildSettings(Duration.ofMinutes(15), 2L << 30, 8L << 30);
}
