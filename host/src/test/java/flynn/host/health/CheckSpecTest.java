package flynn.host.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import flynn.api.host.HealthCheck;
import flynn.api.http.ApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckSpecTest {
  private static HealthCheck http(String path, Integer status, String match) {
    return new HealthCheck("http", null, null, null, null, path, null, match, status);
  }

  @Test
  void noCheckIsFlynnsTcpCheckWithItsDefaults() {
    CheckSpec spec = CheckSpec.of(null);

    assertThat(spec.kind()).isEqualTo(CheckSpec.Kind.TCP);
    assertThat(spec.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(spec.threshold()).isEqualTo(2);
    assertThat(spec.startTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(spec.killDown()).isFalse();
  }

  @Test
  void anHttpCheckWithoutStatusPassesAny2xxOr3xx() {
    CheckSpec spec = CheckSpec.of(http(null, null, null));

    assertThat(spec.path()).isEqualTo("/");
    assertThat(spec.statusPasses(200)).isTrue();
    assertThat(spec.statusPasses(302)).isTrue();
    assertThat(spec.statusPasses(404)).isFalse();
    assertThat(spec.statusPasses(199)).isFalse();
  }

  @Test
  void anHttpCheckWithAStatusPassesOnlyThatOne() {
    CheckSpec spec = CheckSpec.of(http("/health", 204, null));

    assertThat(spec.statusPasses(204)).isTrue();
    assertThat(spec.statusPasses(200)).isFalse();
  }

  @Test
  void aProbeNeverTakesLongerThanTheIntervalNorTwoSeconds() {
    HealthCheck fast =
        new HealthCheck("tcp", 500_000_000L, null, null, null, null, null, null, null);

    assertThat(CheckSpec.of(fast).timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(CheckSpec.of(null).timeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void unusableChecksAreRejectedWithTheFieldAtFault() {
    assertThat(field(new HealthCheck("udp", null, null, null, null, null, null, null, null)))
        .isEqualTo("check.type");
    assertThat(field(http("health", null, null))).isEqualTo("check.path");
    assertThat(field(http("/", null, "ok("))).isEqualTo("check.match");
  }

  private static String field(HealthCheck check) {
    return catchThrowableOfType(ApiException.class, () -> CheckSpec.of(check)).error().field();
  }
}
