package flynn.discoverd.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiryTest {
  static final Duration TTL = Duration.ofSeconds(10);
  static final long SEC = 1_000_000_000L;

  @Test
  void instanceSeenWithinTtlIsKept() {
    var seen = sighting("a", 100 * SEC);

    assertThat(Expiry.due(List.of(seen), 0, 110 * SEC, TTL)).isEmpty();
  }

  @Test
  void instanceNotSeenForLongerThanTtlIsDue() {
    var seen = sighting("a", 100 * SEC);

    assertThat(Expiry.due(List.of(seen), 0, 110 * SEC + 1, TTL)).containsExactly(seen);
  }

  @Test
  void newExpirerGivesEveryInstanceAFullTtlFromItsElection() {
    var longAgo = sighting("a", 0);

    assertThat(Expiry.due(List.of(longAgo), 500 * SEC, 505 * SEC, TTL)).isEmpty();
    assertThat(Expiry.due(List.of(longAgo), 500 * SEC, 511 * SEC, TTL)).containsExactly(longAgo);
  }

  @Test
  void dueInstancesComeOldestFirst() {
    var older = sighting("a", 1 * SEC);
    var newer = sighting("b", 2 * SEC);

    assertThat(Expiry.due(List.of(newer, older), 0, 100 * SEC, TTL)).containsExactly(older, newer);
  }

  private static Sighting sighting(String id, long seenNanos) {
    return new Sighting("web", id, "10.0.0.1:80", 3, seenNanos);
  }
}
