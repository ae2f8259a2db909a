package flynn.scheduler.jobs;

import java.util.Optional;

/** Cluster job ids are {@code <hostId>-<uuid>}; host ids may contain dashes, uuids are 36 chars. */
public final class JobIds {
  private static final int UUID_LENGTH = 36;

  private JobIds() {}

  public static String of(String hostId, String uuid) {
    return hostId + "-" + uuid;
  }

  /** The uuid part of a job id, or empty for an id that is not {@code <hostId>-<uuid>}. */
  public static Optional<String> uuidOf(String jobId) {
    int split = jobId == null ? -1 : jobId.length() - UUID_LENGTH - 1;
    if (split < 1 || jobId.charAt(split) != '-') {
      return Optional.empty();
    }
    return Optional.of(jobId.substring(split + 1));
  }
}
