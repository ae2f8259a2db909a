package flynn.host.volumes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * For jobs that run on the host's own files (no mount namespace): each volume appears as a symlink
 * in the job's working directory at its target taken as relative ({@code /data} becomes {@code
 * <workDir>/data}), since such a job cannot have a directory mounted at {@code /data}.
 */
public final class VolumeLinks {
  private VolumeLinks() {}

  public static void link(Path workDir, List<VolumeMount> volumes) throws IOException {
    for (VolumeMount v : volumes) {
      Path link = linkPath(workDir, v.target());
      Files.createDirectories(link.getParent());
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, v.source().toAbsolutePath());
    }
  }

  /** Where the link for {@code target} goes; never outside {@code workDir}. */
  static Path linkPath(Path workDir, String target) {
    Path link = workDir.resolve(target.replaceFirst("^/+", "")).normalize();
    if (!link.startsWith(workDir) || link.equals(workDir)) {
      throw new IllegalArgumentException("volume target " + target + " is not a sub-path");
    }
    return link;
  }
}
