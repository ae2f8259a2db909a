package flynn.node;

import flynn.api.controller.ControllerClient;
import flynn.api.controller.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers resource providers with the controller in the background ({@code POST /providers} is
 * idempotent by name), retrying until each is accepted, so a controller that is not ready yet, or
 * lacks the endpoint, never holds up {@code flynn-host up}.
 */
final class ProviderRegistration implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistration.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  private static final Duration MAX_RETRY = Duration.ofMinutes(1);

  private final ControllerClient controller;
  private final List<Provider> pending;
  private final Thread thread;

  private ProviderRegistration(ControllerClient controller, List<Provider> providers) {
    this.controller = controller;
    this.pending = new ArrayList<>(providers);
    this.thread = Thread.ofVirtual().name("provider-registration").unstarted(this::run);
  }

  static ProviderRegistration start(ControllerClient controller, List<Provider> providers) {
    ProviderRegistration registration = new ProviderRegistration(controller, providers);
    registration.thread.start();
    return registration;
  }

  private void run() {
    int attempt = 0;
    Duration retry = FIRST_RETRY;
    try {
      while (!pending.isEmpty()) {
        attempt++;
        Duration wait = retry;
        pending.removeIf(provider -> register(provider, wait));
        if (!pending.isEmpty()) {
          Thread.sleep(wait);
          retry = retryAfter(wait);
        }
      }
      LOG.info("event=providers-registered attempts={}", attempt);
    } catch (InterruptedException e) {
      LOG.info("event=provider-registration-stopped reason=closed pending={}", names());
    } catch (RuntimeException e) {
      LOG.warn("event=provider-registration-died pending={} error=\"{}\"", names(), e.toString());
    }
  }

  private static Duration retryAfter(Duration retry) {
    return retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
  }

  private boolean register(Provider provider, Duration nextRetry) {
    try {
      Provider created = controller.providers().create(provider);
      LOG.info(
          "event=provider-registered name={} url={} id={}",
          provider.name(),
          provider.url(),
          created.id());
      return true;
    } catch (RuntimeException e) {
      LOG.info(
          "event=provider-registration-failed name={} retry_in={}s error=\"{}\"",
          provider.name(),
          nextRetry.toSeconds(),
          e.getMessage());
      return false;
    }
  }

  private List<String> names() {
    return pending.stream().map(Provider::name).toList();
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
