package flynn.router.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessLogWriterTest {
  private final List<AccessLine> written = new CopyOnWriteArrayList<>();

  @Test
  void linesAreWrittenInTheOrderTheyWereOffered() {
    try (AccessLogWriter writer = new AccessLogWriter(100, written::addAll)) {
      for (int i = 0; i < 50; i++) {
        writer.offer(line(i));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 50);
    }
    assertThat(written).extracting(AccessLine::status).isSorted();
  }

  @Test
  void aBurstOfLinesIsHandedOnInAFewBatches() {
    AtomicInteger batches = new AtomicInteger();
    try (AccessLogWriter writer =
        new AccessLogWriter(
            2000,
            batch -> {
              batches.incrementAndGet();
              written.addAll(batch);
            })) {
      for (int i = 0; i < 1000; i++) {
        writer.offer(line(i));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 1000);
    }
    assertThat(batches.get()).isLessThan(100);
    assertThat(written).extracting(AccessLine::status).isSorted();
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (AccessLogWriter writer =
        new AccessLogWriter(2, l -> writeWhenReleased(entered, release, l))) {
      writer.offer(line(0));
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue(); // the writer is busy with line 0
      writer.offer(line(1));
      writer.offer(line(2));
      writer.offer(line(3));
      assertThat(writer.dropped()).isEqualTo(1);
      release.countDown();
      await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 3);
    }
    assertThat(written).extracting(AccessLine::status).containsExactly(0, 1, 2);
  }

  @Test
  void closeWritesWhatWasQueued() {
    AccessLogWriter writer = new AccessLogWriter(100, written::addAll);
    for (int i = 0; i < 10; i++) {
      writer.offer(line(i));
    }
    writer.close();
    assertThat(written).hasSize(10);
    writer.offer(line(10));
    assertThat(writer.dropped()).isEqualTo(1);
  }

  private void writeWhenReleased(
      CountDownLatch entered, CountDownLatch release, List<AccessLine> batch) {
    entered.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    written.addAll(batch);
  }

  private static AccessLine line(int n) {
    return new AccessLine(0, "app", "http/r", "GET", "h", "/", n, 0, 0, "-", "id" + n);
  }
}
