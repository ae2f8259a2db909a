package flynn.scheduler.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.http.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
          "job-1",
          "first",
          () -> {
            if (failures.getAndDecrement() > 0) {
              throw ApiException.unavailable("controller down");
            }
            saved.add("first");
          });
      persister.submit("job-1", "second", () -> saved.add("second"));

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
          "job-1",
          "invalid",
          () -> {
            attempts.incrementAndGet();
            throw ApiException.validation("state", "bad state");
          });
      persister.submit("job-1", "valid", () -> saved.add("valid"));

      await().atMost(Duration.ofSeconds(5)).until(() -> saved.size() == 1);
    }
    assertThat(attempts).hasValue(1);
  }

  @Test
  void writesOfDifferentJobsGoOutTogetherAndABarrierWaitsForThemAll() throws Exception {
    List<String> saved = new CopyOnWriteArrayList<>();
    CountDownLatch bothStarted = new CountDownLatch(2);
    Runnable waitForTheOther =
        () -> {
          bothStarted.countDown();
          try {
            // only completes if the two writes run at the same time
            assertThat(bothStarted.await(5, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    try (var persister = new Persister("test-persist", FAST)) {
      // queued before the persister starts, so they are one batch
      persister.submit(
          "job-1",
          "a up",
          () -> {
            waitForTheOther.run();
            saved.add("a");
          });
      persister.submit(
          "job-2",
          "b up",
          () -> {
            waitForTheOther.run();
            saved.add("b");
          });
      persister.submitBarrier("complete", () -> saved.add("complete"));
      persister.start();

      await().atMost(Duration.ofSeconds(10)).until(() -> saved.size() == 3);
    }
    assertThat(saved.subList(0, 2)).containsExactlyInAnyOrder("a", "b");
    assertThat(saved.get(2)).isEqualTo("complete");
  }
}
