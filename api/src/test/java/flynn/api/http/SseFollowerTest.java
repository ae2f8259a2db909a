package flynn.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SseFollowerTest {
  @Test
  void backoffDoublesUpToFiveSeconds() {
    assertThat(SseFollower.next(SseFollower.MIN_BACKOFF)).isEqualTo(Duration.ofMillis(200));
    assertThat(SseFollower.next(Duration.ofSeconds(4))).isEqualTo(SseFollower.MAX_BACKOFF);
    assertThat(SseFollower.next(SseFollower.MAX_BACKOFF)).isEqualTo(SseFollower.MAX_BACKOFF);
  }
}
