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
  static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  private static final Duration MAX_RETRY = Duration.ofMinutes(1);

  /** Where providers are registered: the controller's {@code POST /providers}. */
  @FunctionalInterface
  interface Registrar {
    Provider register(Provider provider);
  }

  private final Registrar registrar;
  private final List<Provider> pending;
  private final Duration firstRetry;
  private final Thread thread;

  private ProviderRegistration(Registrar registrar, List<Provider> providers, Duration firstRetry) {
    this.registrar = registrar;
    this.pending = new ArrayList<>(providers);
    this.firstRetry = firstRetry;
    this.thread = Thread.ofVirtual().name("provider-registration").unstarted(this::run);
  }

  static ProviderRegistration start(ControllerClient controller, List<Provider> providers) {
    return start(controller.providers()::create, providers, FIRST_RETRY);
  }

  static ProviderRegistration start(
      Registrar registrar, List<Provider> providers, Duration firstRetry) {
    ProviderRegistration registration = new ProviderRegistration(registrar, providers, firstRetry);
    registration.thread.start();
    return registration;
  }

  /** Waits up to {@code timeout} for the registration to end (all registered, or closed). */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return thread.join(timeout);
  }

  private void run() {
    int attempt = 0;
    Duration retry = firstRetry;
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
      Provider created = registrar.register(provider);
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
