package flynn.host.health;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps probing a job's port after it is up, every {@code interval}, on its own virtual thread, and
 * tells a listener each time the check goes down or comes back up. Ends on {@link #close}.
 */
public final class HealthMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

  /** Hears the check's phase changes (UP to DOWN and back), on the monitor's thread. */
  @FunctionalInterface
  public interface Listener {
    void changed(HealthState state);
  }

  private final String name;
  private final CheckSpec spec;
  private final Probe probe;
  private final Clock clock;
  private final Listener listener;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  private HealthMonitor(String name, CheckSpec spec, Probe probe, Clock clock, Listener listener) {
    this.name = name;
    this.spec = spec;
    this.probe = probe;
    this.clock = clock;
    this.listener = listener;
  }

  /** Starts monitoring a check that is {@code up} now. */
  public static HealthMonitor start(
      String name, CheckSpec spec, Probe probe, Clock clock, HealthState up, Listener listener) {
    HealthMonitor m = new HealthMonitor(name, spec, probe, clock, listener);
    Thread.ofVirtual().name(name).start(() -> m.run(up));
    return m;
  }

  private void run(HealthState up) {
    try {
      HealthState state = up;
      while (Pause.pause(closed, state.delay(spec, clock.instant()))) {
        HealthState next = state.next(spec, probe.probe(), clock.instant());
        if (next.phase() != state.phase()) {
          listener.changed(next);
        }
        state = next;
      }
      LOG.debug("monitor={} event=stopped reason=closed", name);
    } catch (RuntimeException e) {
      LOG.warn("monitor={} event=died error=\"{}\"", name, e.toString(), e);
    }
  }

  @Override
  public void close() {
    closed.complete(null);
  }
}
