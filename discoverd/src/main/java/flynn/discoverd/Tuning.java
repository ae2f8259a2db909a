package flynn.discoverd;

import java.time.Duration;

/**
 * Timing knobs. Production uses Flynn's values; tests shorten the TTL so they need not wait 10 s.
 *
 * @param instanceTtl an instance not re-registered within this long is removed
 * @param sweepInterval how often the expiry leader looks for expired instances
 * @param keepAlive how long an idle event stream waits before sending a keep-alive
 */
record Tuning(Duration instanceTtl, Duration sweepInterval, Duration keepAlive) {
  static final Tuning FLYNN = withTtl(Duration.ofSeconds(10));

  /** The TTL given; expiry checked ten times per TTL, so it lands within 1.1 TTL. */
  static Tuning withTtl(Duration ttl) {
    return new Tuning(ttl, ttl.dividedBy(10), Duration.ofSeconds(15));
  }
}
