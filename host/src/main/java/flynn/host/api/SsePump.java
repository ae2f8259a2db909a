package flynn.host.api;

import flynn.host.feed.Feed;
import flynn.http.SseResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Copies a subscription to an SSE response until either side ends, with keep-alives. */
final class SsePump {
  /** An idle stream sends a keep-alive this often, which also notices a client that went away. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private SsePump() {}

  static <T> void pump(Feed.Subscription<T> sub, SseResponse out) {
    try (sub) {
      out.open();
      while (sub.isOpen()) {
        Optional<T> item = sub.poll(KEEP_ALIVE);
        if (item.isPresent()) {
          out.send(null, null, item.get());
        } else if (sub.isOpen()) {
          out.keepAlive();
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
