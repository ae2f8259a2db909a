package flynn.host.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedTest {
  private static final Duration NOW = Duration.ZERO;

  @Test
  void subscribersGetMatchingItemsInOrder() throws InterruptedException {
    Feed<Integer> feed = new Feed<>(10);
    Feed.Subscription<Integer> evens = feed.subscribe(i -> i % 2 == 0);

    for (int i = 1; i <= 4; i++) {
      feed.publish(i);
    }

    assertThat(evens.poll(NOW)).contains(2);
    assertThat(evens.poll(NOW)).contains(4);
    assertThat(evens.poll(NOW)).isEmpty();
    assertThat(evens.isOpen()).isTrue();
  }

  @Test
  void aSubscriberThatFallsBehindIsClosedWithoutBlockingOthers() throws InterruptedException {
    Feed<Integer> feed = new Feed<>(2);
    Feed.Subscription<Integer> slow = feed.subscribe(i -> true);
    Feed.Subscription<Integer> fast = feed.subscribe(i -> true);

    feed.publish(1);
    feed.publish(2);
    assertThat(fast.poll(NOW)).contains(1);
    assertThat(fast.poll(NOW)).contains(2);
    feed.publish(3);

    assertThat(slow.isOpen()).isFalse();
    assertThat(slow.poll(NOW)).isEmpty();
    assertThat(fast.poll(NOW)).contains(3);
    assertThat(feed.subscribers()).isEqualTo(1);
  }

  @Test
  void closingTheFeedEndsEverySubscriptionAndWakesPollers() throws InterruptedException {
    Feed<Integer> feed = new Feed<>(2);
    Feed.Subscription<Integer> sub = feed.subscribe(i -> true);

    feed.close();

    assertThat(sub.poll(Duration.ofMinutes(1))).isEmpty();
    assertThat(sub.isOpen()).isFalse();
    assertThat(feed.subscribe(i -> true).isOpen()).isFalse();
  }
}
