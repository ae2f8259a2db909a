package flynn.scheduler.plan;

import static flynn.scheduler.plan.Fixtures.NOW;
import static flynn.scheduler.plan.Fixtures.crashed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartPolicyTest {

  @ParameterizedTest(name = "restart {0} waits {1}s")
  @CsvSource({"0, 0", "4, 0", "5, 10", "14, 10", "15, 30", "40, 30"})
  void backoffGrowsWithTheRestartCount(int restarts, long seconds) {
    assertThat(RestartPolicy.backoff(restarts)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest(name = "crash after {0} restarts, up {1}s -> restart {2} in {3}s")
  @CsvSource({
    "0, 2, 1, 0",
    "4, 2, 5, 0",
    "5, 2, 6, 10",
    "15, 2, 16, 30",
    "20, 299, 21, 30",
    "20, 300, 1, 0",
    "9, 3600, 1, 0"
  })
  void replacementCountsRestartsAndResetsAfterFiveMinutesUp(
      int restarts, long upSeconds, int expectedRestarts, long delaySeconds) {
    var restart = RestartPolicy.after(crashed("a", restarts, Duration.ofSeconds(upSeconds)), NOW);

    assertThat(restart)
        .isEqualTo(new RestartPolicy.Restart(expectedRestarts, NOW.plusSeconds(delaySeconds)));
  }
}
