package flynn.node;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.Provider;
import flynn.api.http.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderRegistrationTest {
  private static final List<Provider> PROVIDERS =
      List.of(
          Provider.of("postgres", "http://127.0.0.1:1/databases"),
          Provider.of("redis", "http://127.0.0.1:2/clusters"));

  @Test
  void aProviderRefusedAtFirstIsRegisteredOnALaterAttempt() throws Exception {
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    List<String> registered = new CopyOnWriteArrayList<>();
    ProviderRegistration.Registrar controller =
        provider -> {
          int n =
              attempts.computeIfAbsent(provider.name(), k -> new AtomicInteger()).incrementAndGet();
          if (provider.name().equals("postgres") && n < 3) {
            throw new ApiException(404, ApiException.NOT_FOUND, "no such route", null);
          }
          registered.add(provider.name());
          return provider;
        };

    try (ProviderRegistration registration =
        ProviderRegistration.start(controller, PROVIDERS, Duration.ofMillis(1))) {
      assertThat(registration.awaitEnd(Duration.ofSeconds(10))).isTrue();
    }

    assertThat(registered).containsExactlyInAnyOrder("postgres", "redis");
    assertThat(attempts.get("postgres")).hasValue(3);
    assertThat(attempts.get("redis")).hasValue(1);
  }

  @Test
  void closingStopsRetrying() throws Exception {
    ProviderRegistration registration =
        ProviderRegistration.start(
            provider -> {
              throw ApiException.unavailable("controller starting");
            },
            PROVIDERS,
            Duration.ofSeconds(30));

    registration.close();

    assertThat(registration.awaitEnd(Duration.ofSeconds(10))).isTrue();
  }
}
