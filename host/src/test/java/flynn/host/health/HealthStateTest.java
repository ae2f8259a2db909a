package flynn.host.health;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.host.HealthCheck;
import flynn.host.health.HealthState.Phase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthStateTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final long SECOND = 1_000_000_000L;

  /** threshold 3, start timeout 5 s, interval 4 s. */
  private static final CheckSpec SPEC =
      CheckSpec.of(
          new HealthCheck("tcp", 4 * SECOND, 3, false, 5 * SECOND, null, null, null, null));

  private static final ProbeResult PASS = ProbeResult.pass();
  private static final ProbeResult REFUSED = ProbeResult.fail("connection refused");

  private static HealthState run(HealthState from, ProbeResult... results) {
    HealthState s = from;
    Instant t = T0;
    for (ProbeResult r : results) {
      t = t.plusMillis(100);
      s = s.next(SPEC, r, t);
    }
    return s;
  }

  @Test
  void aStartingJobIsUpAtItsFirstPass() {
    HealthState s = run(HealthState.starting(T0), REFUSED, REFUSED, PASS);

    assertThat(s.phase()).isEqualTo(Phase.UP);
    assertThat(s.problem(SPEC)).isNull();
  }

  @Test
  void aStartingJobFailingPastItsStartTimeoutIsNeverUpWithTheLastError() {
    HealthState before = HealthState.starting(T0).next(SPEC, REFUSED, T0.plusSeconds(4));
    HealthState after = before.next(SPEC, ProbeResult.fail("status 500"), T0.plusSeconds(5));

    assertThat(before.phase()).isEqualTo(Phase.STARTING);
    assertThat(after.phase()).isEqualTo(Phase.NEVER_UP);
    assertThat(after.problem(SPEC)).isEqualTo("health check did not pass within 5s: status 500");
  }

  @Test
  void anUpJobGoesDownOnlyAfterThresholdFailuresInARow() {
    HealthState up = HealthState.up(T0);

    assertThat(run(up, REFUSED, REFUSED).phase()).isEqualTo(Phase.UP);
    assertThat(run(up, REFUSED, REFUSED, PASS, REFUSED, REFUSED).phase()).isEqualTo(Phase.UP);
    HealthState down = run(up, REFUSED, REFUSED, REFUSED);
    assertThat(down.phase()).isEqualTo(Phase.DOWN);
    assertThat(down.problem(SPEC))
        .isEqualTo("health check failed 3 times in a row: connection refused");
  }

  @Test
  void aDownJobComesBackAfterThresholdPassesInARow() {
    HealthState down = run(HealthState.up(T0), REFUSED, REFUSED, REFUSED);

    assertThat(run(down, PASS, PASS).phase()).isEqualTo(Phase.DOWN);
    assertThat(run(down, PASS, PASS, REFUSED, PASS, PASS).phase()).isEqualTo(Phase.DOWN);
    assertThat(run(down, PASS, PASS, PASS).phase()).isEqualTo(Phase.UP);
  }

  @Test
  void neverUpIsFinal() {
    HealthState never = HealthState.starting(T0).next(SPEC, REFUSED, T0.plusSeconds(6));

    assertThat(never.next(SPEC, PASS, T0.plusSeconds(7))).isEqualTo(never);
  }

  @Test
  void aStartingJobIsProbedEagerlyThenEvery100MsAndAnUpOneEveryInterval() {
    HealthState starting = HealthState.starting(T0);

    assertThat(starting.delay(SPEC, T0.plusMillis(500))).isEqualTo(Duration.ofMillis(10));
    assertThat(starting.delay(SPEC, T0.plusSeconds(2))).isEqualTo(Duration.ofMillis(100));
    assertThat(HealthState.up(T0).delay(SPEC, T0)).isEqualTo(Duration.ofSeconds(4));
  }
}
