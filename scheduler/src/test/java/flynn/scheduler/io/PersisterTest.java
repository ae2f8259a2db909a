package flynn.scheduler.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.http.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PersisterTest {
  private static final Backoff FAST = new Backoff(Duration.ofMillis(1), Duration.ofMillis(5));

  @Test
  void writesAreRetriedWhileTheControllerIsUnavailableAndKeepTheirOrder() {
    List<String> saved = new CopyOnWriteArrayList<>();
    AtomicInteger failures = new AtomicInteger(3);
    try (var persister = new Persister("test-persist", FAST)) {
      persister.start();
      persister.submit(
          "first",
          () -> {
            if (failures.getAndDecrement() > 0) {
              throw ApiException.unavailable("controller down");
            }
            saved.add("first");
          });
      persister.submit("second", () -> saved.add("second"));

      await().atMost(Duration.ofSeconds(5)).until(() -> saved.size() == 2);
    }
    assertThat(saved).containsExactly("first", "second");
  }

  @Test
  void aRejectedWriteIsDroppedAndTheNextOneProceeds() {
    List<String> saved = new CopyOnWriteArrayList<>();
    AtomicInteger attempts = new AtomicInteger();
    try (var persister = new Persister("test-persist", FAST)) {
      persister.start();
      persister.submit(
          "invalid",
          () -> {
            attempts.incrementAndGet();
            throw ApiException.validation("state", "bad state");
          });
      persister.submit("valid", () -> saved.add("valid"));

      await().atMost(Duration.ofSeconds(5)).until(() -> saved.size() == 1);
    }
    assertThat(attempts).hasValue(1);
  }
}
