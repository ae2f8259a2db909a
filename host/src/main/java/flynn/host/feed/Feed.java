package flynn.host.feed;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Fans items out to subscribers, each with its own bounded queue, so a publisher never blocks: a
 * subscriber that falls {@code capacity} items behind is closed (its stream ends) rather than
 * holding up the others.
 */
public final class Feed<T> implements AutoCloseable {
  private final int capacity;
  private final Set<Subscription<T>> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public Feed(int capacity) {
    this.capacity = capacity;
  }

  /** A new subscription to the items published from now on that match {@code filter}. */
  public Subscription<T> subscribe(Predicate<? super T> filter) {
    Subscription<T> sub = new Subscription<>(this, filter, capacity);
    subscriptions.add(sub);
    if (closed) {
      sub.close();
    }
    return sub;
  }

  public void publish(T item) {
    for (Subscription<T> sub : subscriptions) {
      sub.offer(item);
    }
  }

  public int subscribers() {
    return subscriptions.size();
  }

  /** Ends every subscription. */
  @Override
  public void close() {
    closed = true;
    subscriptions.forEach(Subscription::close);
  }

  /** One subscriber's queue. Poll it from one thread; close it when done. */
  public static final class Subscription<T> implements AutoCloseable {
    private final Feed<T> feed;
    private final Predicate<? super T> filter;
    private final int capacity;
    // Optional.empty() is the end-of-stream marker; the extra slot always fits it
    private final LinkedBlockingQueue<Optional<T>> queue;
    private volatile boolean open = true;

    private Subscription(Feed<T> feed, Predicate<? super T> filter, int capacity) {
      this.feed = feed;
      this.filter = filter;
      this.capacity = capacity;
      this.queue = new LinkedBlockingQueue<>(capacity + 1);
    }

    public boolean isOpen() {
      return open;
    }

    /** The next item, or empty when none came within {@code timeout} or the stream ended. */
    public Optional<T> poll(Duration timeout) throws InterruptedException {
      Optional<T> item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (item == null) {
        return Optional.empty();
      }
      if (item.isEmpty()) {
        queue.offer(item);
      }
      return item;
    }

    private synchronized void offer(T item) {
      if (!open || !filter.test(item)) {
        return;
      }
      if (queue.size() >= capacity) {
        close();
        return;
      }
      queue.offer(Optional.of(item));
    }

    @Override
    public synchronized void close() {
      if (!open) {
        return;
      }
      open = false;
      feed.subscriptions.remove(this);
      queue.clear();
      queue.offer(Optional.empty());
    }
  }
}
