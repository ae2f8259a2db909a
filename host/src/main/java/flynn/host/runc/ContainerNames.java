package flynn.host.runc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names of everything the runner creates for one job, derived from a short hash of the job id
 * so they fit Linux's 15-character interface names and all share the {@link #PREFIX}es a leak check
 * looks for: the runc container and its netns {@code flynn-<short>}, the veth pair {@code
 * flv<short>} (bridge side) and {@code fle<short>} (renamed eth0 in the netns).
 */
public record ContainerNames(String shortId) {
  public static final String PREFIX = "flynn-";
  public static final String VETH_PREFIX = "flv";
  private static final int SHORT_LENGTH = 10;

  public ContainerNames {
    if (!shortId.matches("[0-9a-f]{" + SHORT_LENGTH + "}")) {
      throw new IllegalArgumentException("not a container short id: " + shortId);
    }
  }

  public static ContainerNames forJob(String jobId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(jobId.getBytes(StandardCharsets.UTF_8));
      return new ContainerNames(HexFormat.of().formatHex(hash).substring(0, SHORT_LENGTH));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Parses a container id this runner gave out; null for any other name. */
  public static ContainerNames fromContainerId(String containerId) {
    if (containerId == null || !containerId.startsWith(PREFIX)) {
      return null;
    }
    String shortId = containerId.substring(PREFIX.length());
    return shortId.matches("[0-9a-f]{" + SHORT_LENGTH + "}") ? new ContainerNames(shortId) : null;
  }

  public String containerId() {
    return PREFIX + shortId;
  }

  public String netns() {
    return PREFIX + shortId;
  }

  public String hostVeth() {
    return VETH_PREFIX + shortId;
  }

  public String peerVeth() {
    return "fle" + shortId;
  }

  /** The container's cgroup, relative to each hierarchy's root. */
  public String cgroupPath(String parent) {
    return "/" + parent + "/" + containerId();
  }
}
