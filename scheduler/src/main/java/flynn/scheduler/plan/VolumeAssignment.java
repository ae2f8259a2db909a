package flynn.scheduler.plan;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which persistent volumes a new job of (app, type) gets, and so where it must run: for each path a
 * volume of that app, type and path that no live job holds. The first such volume pins the job to
 * its host; when that host cannot take jobs now the job waits for it rather than start on an empty
 * volume. With no free volume the job may go anywhere and gets new ones. A pure function.
 */
public final class VolumeAssignment {
  private VolumeAssignment() {}

  /** The outcome for one new job. */
  public sealed interface Choice {}

  /** Run on {@code hostId} with these existing volumes (path to volume id); other paths get new. */
  public record Pinned(String hostId, Map<String, String> volumes) implements Choice {}

  /** A free volume is on {@code hostId}, which cannot take the job now: wait for it. */
  public record Waiting(String hostId) implements Choice {}

  /** No free volume: any host, all volumes new. */
  public record Anywhere() implements Choice {}

  /**
   * @param paths the persistent volume paths of the process type
   * @param taken volume ids held by live jobs or already given out in this plan
   * @param releasing volume ids held by jobs that are stopping: a job waits for such a volume
   *     rather than start on an empty one (a deploy replaces a job after stopping it)
   * @param candidates hosts that can take a job of this type now
   */
  public static Choice choose(
      String app,
      String type,
      List<String> paths,
      List<VolumeState> volumes,
      Set<String> taken,
      Set<String> releasing,
      Set<String> candidates) {
    Optional<VolumeState> pin =
        paths.stream().flatMap(p -> free(app, type, p, volumes, taken, null).stream()).findFirst();
    if (pin.isEmpty()) {
      return releasing(app, type, paths, volumes, releasing)
          .<Choice>map(v -> new Waiting(v.hostId()))
          .orElse(new Anywhere());
    }
    String host = pin.get().hostId();
    if (!candidates.contains(host)) {
      return new Waiting(host);
    }
    Map<String, String> chosen = new LinkedHashMap<>();
    for (String path : paths) {
      free(app, type, path, volumes, taken, host).ifPresent(v -> chosen.put(path, v.id()));
    }
    return new Pinned(host, chosen);
  }

  private static Optional<VolumeState> releasing(
      String app, String type, List<String> paths, List<VolumeState> volumes, Set<String> ids) {
    return volumes.stream()
        .filter(v -> ids.contains(v.id()) && paths.stream().anyMatch(p -> v.isFor(app, type, p)))
        .min(Comparator.comparing(VolumeState::id));
  }

  /** The free volume for a path (on {@code host} when not null), oldest id first for stability. */
  private static Optional<VolumeState> free(
      String app,
      String type,
      String path,
      List<VolumeState> volumes,
      Set<String> taken,
      String host) {
    return volumes.stream()
        .filter(v -> v.isFor(app, type, path) && !taken.contains(v.id()))
        .filter(v -> host == null || host.equals(v.hostId()))
        .min(Comparator.comparing(VolumeState::id));
  }
}
