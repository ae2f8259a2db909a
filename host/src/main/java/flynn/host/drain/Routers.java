package flynn.host.drain;

import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Instance;
import flynn.api.http.ApiException;
import flynn.api.router.RouterClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routers in discoverd ({@link RouterClient#SERVICE}) and asking them all at once, each on a
 * virtual thread; what has not answered by the deadline is abandoned.
 */
final class Routers {
  private static final Logger LOG = LoggerFactory.getLogger(Routers.class);

  /** Slack on top of a wait: the routers time it out themselves and answer. */
  private static final Duration SLACK = Duration.ofSeconds(1);

  private final DiscoverdClient discoverd;
  private final String key;

  Routers(DiscoverdClient discoverd, String key) {
    this.discoverd = discoverd;
    this.key = key;
  }

  /** A client per router; none when discoverd cannot say (the caller goes on without waiting). */
  List<RouterClient> clients(String jobId, String purpose) {
    try {
      List<Instance> routers = discoverd.instances(RouterClient.SERVICE);
      return routers == null
          ? List.of()
          : routers.stream().map(r -> new RouterClient("http://" + r.addr(), key)).toList();
    } catch (ApiException e) {
      LOG.warn("job={} event={}-skipped reason=\"{}\"", jobId, purpose, e.getMessage());
      return List.of();
    }
  }

  /** How many of {@code asks} answered, within {@code timeout}, with what {@code ok} accepts. */
  static <T> int count(List<Callable<T>> asks, Duration timeout, Predicate<T> ok) {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<T>> answers =
          threads.invokeAll(asks, timeout.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
      int accepted = 0;
      for (Future<T> answer : answers) {
        accepted += accepts(answer, ok) ? 1 : 0;
      }
      return accepted;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static <T> boolean accepts(Future<T> answer, Predicate<T> ok)
      throws InterruptedException {
    try {
      return ok.test(answer.get());
    } catch (CancellationException e) {
      return false;
    } catch (ExecutionException e) {
      LOG.warn("event=router-ask-failed reason=\"{}\"", e.getCause().getMessage());
      return false;
    }
  }
}
