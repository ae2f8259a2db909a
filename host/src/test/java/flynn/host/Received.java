package flynn.host;

import flynn.api.Json;
import flynn.api.http.SseStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads an SSE stream on its own thread into a queue, so a test waits for the next matching item
 * with a deadline instead of blocking forever.
 */
final class Received<T> implements AutoCloseable {
  private final SseStream stream;
  private final LinkedBlockingQueue<T> items = new LinkedBlockingQueue<>();

  Received(SseStream stream, Class<T> type) {
    this.stream = stream;
    Thread.ofVirtual().name("test-sse-reader").start(() -> read(type));
  }

  private void read(Class<T> type) {
    try {
      while (true) {
        var event = stream.next();
        if (event.isEmpty()) {
          return;
        }
        items.add(Json.read(event.get().data(), type));
      }
    } catch (IOException e) {
      // closed by the test
    }
  }

  /** The next item that matches, skipping others; fails after {@code timeout}. */
  T next(Predicate<T> matching, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T item = items.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (item == null) {
        throw new AssertionError("nothing matching arrived within " + timeout);
      }
      if (matching.test(item)) {
        return item;
      }
    }
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
