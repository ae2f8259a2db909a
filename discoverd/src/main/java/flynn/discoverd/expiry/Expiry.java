package flynn.discoverd.expiry;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which instances have expired. Times are this server's monotonic clock, so clocks of other servers
 * never matter. A server that has just become the expirer has missed the heartbeats before, so it
 * counts every instance as seen when its leadership began (Flynn's new Raft leader waits likewise
 * before expiring anything).
 */
final class Expiry {
  private Expiry() {}

  static List<Sighting> due(
      Collection<Sighting> sightings, long leaderSinceNanos, long nowNanos, Duration ttl) {
    long ttlNanos = ttl.toNanos();
    return sightings.stream()
        .filter(s -> nowNanos - Math.max(s.seenNanos(), leaderSinceNanos) > ttlNanos)
        .sorted(Comparator.comparingLong(Sighting::seenNanos))
        .toList();
  }
}
