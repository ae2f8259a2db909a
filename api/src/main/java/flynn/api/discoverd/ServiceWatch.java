package flynn.api.discoverd;

import flynn.api.Json;
import flynn.api.http.SseStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one service's instances ({@link DiscoverdClient#watch}) for an in-process user such as
 * the router or the scheduler: keeps the current instance set and leader, reconnects with backoff
 * when the stream breaks, and hands each change to a listener exactly once ({@code up}, {@code
 * update}, {@code down}, {@code leader}; {@code current} after each complete replay). Instances
 * that vanished while disconnected are reported {@code down} when the replay completes.
 */
public final class ServiceWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceWatch.class);
  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final DiscoverdClient client;
  private final String service;
  private final Consumer<ServiceEvent> listener;
  private final CountDownLatch firstCurrent = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;
  private WatchState state;
  private volatile SseStream stream;

  private ServiceWatch(DiscoverdClient client, String service, Consumer<ServiceEvent> listener) {
    this.client = client;
    this.service = service;
    this.listener = listener;
    this.state = WatchState.initial(service);
    this.thread = Thread.ofVirtual().name("discoverd-watch-" + service).unstarted(this::run);
  }

  /** Starts following {@code service}; the listener runs on the watch's own thread. */
  public static ServiceWatch start(
      DiscoverdClient client, String service, Consumer<ServiceEvent> listener) {
    ServiceWatch watch = new ServiceWatch(client, service, listener);
    watch.thread.start();
    return watch;
  }

  /** The instances believed up, oldest (lowest index) first. */
  public synchronized List<Instance> instances() {
    return state.instances();
  }

  public synchronized Optional<Instance> leader() {
    return state.currentLeader();
  }

  /** Waits until the first complete list arrived; false if it did not within {@code timeout}. */
  public boolean awaitCurrent(Duration timeout) throws InterruptedException {
    return firstCurrent.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    Duration backoff = MIN_BACKOFF;
    String reason = "closed";
    while (!closed.get()) {
      try {
        if (follow(openStream()) > 0) {
          backoff = MIN_BACKOFF;
        }
        reason = "stream ended";
      } catch (IOException | RuntimeException e) {
        reason = String.valueOf(e.getMessage());
      }
      if (closed.get()) {
        break;
      }
      disconnected();
      LOG.info("discoverd watch reconnecting service={} in={} reason={}", service, backoff, reason);
      if (!pause(backoff)) {
        break;
      }
      backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
    }
    LOG.info(
        "discoverd watch stopped service={} reason={}", service, closed.get() ? "closed" : reason);
  }

  private SseStream openStream() throws IOException {
    SseStream s = client.watch(service);
    stream = s;
    if (closed.get()) {
      s.close();
    }
    return s;
  }

  /** Handles the stream's events until it ends; returns how many there were. */
  private int follow(SseStream events) throws IOException {
    int count = 0;
    try (events) {
      Optional<SseStream.Event> next;
      while (!closed.get() && (next = events.next()).isPresent()) {
        handle(Json.read(next.get().data(), ServiceEvent.class));
        count++;
      }
    }
    return count;
  }

  private void handle(ServiceEvent event) {
    List<ServiceEvent> out;
    synchronized (this) {
      WatchState.Step step = state.apply(event);
      state = step.state();
      out = step.events();
    }
    for (ServiceEvent e : out) {
      notify(e);
    }
    if (ServiceEvent.CURRENT.equals(event.kind())) {
      firstCurrent.countDown();
    }
  }

  private void notify(ServiceEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      LOG.warn("discoverd watch listener failed service={} kind={}", service, event.kind(), e);
    }
  }

  private synchronized void disconnected() {
    state = state.disconnected();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static boolean pause(Duration d) {
    try {
      Thread.sleep(d);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    SseStream s = stream;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.debug("closing discoverd watch stream failed service={}", service, e);
      }
    }
    thread.interrupt();
  }
}
