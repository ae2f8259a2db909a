package flynn.discoverd;

import static org.assertj.core.api.Assertions.fail;

import flynn.api.discoverd.ServiceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Collects a watch's events; tests wait on it with a deadline. */
final class Events implements Consumer<ServiceEvent> {
  private final LinkedBlockingQueue<ServiceEvent> queue = new LinkedBlockingQueue<>();
  private final List<ServiceEvent> seen = new ArrayList<>();

  @Override
  public void accept(ServiceEvent e) {
    queue.add(e);
  }

  /** The next event of {@code kind}, skipping others; fails after {@code within}. */
  ServiceEvent next(String kind, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      ServiceEvent e = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (e == null) {
        return fail("no " + kind + " event within " + within + "; saw " + seen);
      }
      seen.add(e);
      if (e.kind().equals(kind)) {
        return e;
      }
    }
  }

  /** Events that arrived and were not consumed yet. */
  List<ServiceEvent> pending() {
    List<ServiceEvent> out = new ArrayList<>();
    queue.drainTo(out);
    return out;
  }
}
