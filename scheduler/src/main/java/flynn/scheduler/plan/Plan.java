package flynn.scheduler.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What to do to converge, in named buckets. The loop carries them out in this order: mark {@code
 * lost} jobs down, stop {@code stops}, create {@code starts}, launch {@code launches}, complete
 * {@code scaleRequests}. {@code blocked} lists what no host could take.
 */
public record Plan(
    List<JobState> lost,
    List<JobState> stops,
    List<StartJob> starts,
    List<JobState> launches,
    List<ScaleDone> scaleRequests,
    List<Blocked> blocked) {

  public Plan {
    lost = List.copyOf(lost);
    stops = List.copyOf(stops);
    starts = List.copyOf(starts);
    launches = List.copyOf(launches);
    scaleRequests = List.copyOf(scaleRequests);
    blocked = List.copyOf(blocked);
  }

  /**
   * A new job of a formation on a host. {@code replaces} is the uuid of the crashed job it replaces
   * (null for a scale-up); it may not start before {@code notBefore}. {@code volumes} are the
   * existing volumes it gets (path to volume id); its other volume paths get new volumes.
   */
  public record StartJob(
      FormationKey formation,
      String type,
      String hostId,
      int restarts,
      Instant notBefore,
      String replaces,
      Map<String, String> volumes) {
    public StartJob {
      volumes = Map.copyOf(volumes);
    }

    /** A job whose volumes, if any, are all new. */
    public StartJob(
        FormationKey formation,
        String type,
        String hostId,
        int restarts,
        Instant notBefore,
        String replaces) {
      this(formation, type, hostId, restarts, notBefore, replaces, Map.of());
    }
  }

  /** A pending scale request whose formation now runs exactly as asked. */
  public record ScaleDone(FormationKey formation, String requestId) {}

  /** {@code missing} jobs of a type that no live, ready host with matching tags can take. */
  public record Blocked(FormationKey formation, String type, int missing) {}

  public boolean hasActions() {
    return !lost.isEmpty()
        || !stops.isEmpty()
        || !starts.isEmpty()
        || !launches.isEmpty()
        || !scaleRequests.isEmpty();
  }
}
