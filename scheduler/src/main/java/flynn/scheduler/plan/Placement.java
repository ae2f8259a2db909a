package flynn.scheduler.plan;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks hosts for new jobs of one formation type: the ready host with matching tags that runs the
 * fewest jobs of that type, ties broken by host id. For an omni type no host gets more than the
 * formation's count. Remembers its own picks, so consecutive calls spread jobs out.
 */
final class Placement {
  private final List<HostState> candidates;
  private final Map<String, Integer> running = new HashMap<>();
  private final int perHostLimit;

  Placement(List<HostState> hosts, Map<String, String> tags, List<JobState> active, int limit) {
    this.candidates = hosts.stream().filter(h -> h.ready() && h.matches(tags)).toList();
    this.perHostLimit = limit;
    active.forEach(j -> running.merge(j.hostId(), 1, Integer::sum));
  }

  static Placement spread(List<HostState> hosts, Map<String, String> tags, List<JobState> active) {
    return new Placement(hosts, tags, active, Integer.MAX_VALUE);
  }

  static Placement omni(
      List<HostState> hosts, Map<String, String> tags, List<JobState> active, int perHost) {
    return new Placement(hosts, tags, active, perHost);
  }

  Optional<String> next() {
    Optional<String> host =
        candidates.stream()
            .map(HostState::id)
            .filter(id -> count(id) < perHostLimit)
            .min(Comparator.comparingInt(this::count).thenComparing(Comparator.naturalOrder()));
    host.ifPresent(id -> running.merge(id, 1, Integer::sum));
    return host;
  }

  /** The hosts that may take a job of this type now. */
  java.util.Set<String> candidateIds() {
    return candidates.stream()
        .map(HostState::id)
        .filter(id -> count(id) < perHostLimit)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Counts a job placed on {@code hostId} by other means (a volume pins it there). */
  void take(String hostId) {
    running.merge(hostId, 1, Integer::sum);
  }

  private int count(String hostId) {
    return running.getOrDefault(hostId, 0);
  }
}
