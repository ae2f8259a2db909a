package flynn.api.discoverd;

import flynn.api.Json;
import flynn.api.http.SseFollower;
import flynn.api.http.SseStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  private final DiscoverdClient client;
  private final String service;
  private final Consumer<ServiceEvent> listener;
  private final CountDownLatch firstCurrent = new CountDownLatch(1);
  private WatchState state;
  private SseFollower follower;

  private ServiceWatch(DiscoverdClient client, String service, Consumer<ServiceEvent> listener) {
    this.client = client;
    this.service = service;
    this.listener = listener;
    this.state = WatchState.initial(service);
  }

  /** Starts following {@code service}; the listener runs on the watch's own thread. */
  public static ServiceWatch start(
      DiscoverdClient client, String service, Consumer<ServiceEvent> listener) {
    ServiceWatch watch = new ServiceWatch(client, service, listener);
    watch.follower = SseFollower.start("discoverd-watch-" + service, watch.subscriber());
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

  private SseFollower.Subscriber subscriber() {
    return new SseFollower.Subscriber() {
      @Override
      public SseStream open() throws IOException {
        return client.watch(service);
      }

      @Override
      public void event(SseStream.Event event) {
        handle(Json.read(event.data(), ServiceEvent.class));
      }

      @Override
      public void disconnected() {
        lostStream();
      }
    };
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

  private synchronized void lostStream() {
    state = state.disconnected();
  }

  @Override
  public void close() {
    follower.close();
  }
}
