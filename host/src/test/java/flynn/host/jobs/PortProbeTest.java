package flynn.host.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PortProbeTest {
  @Test
  void intervalsStayShortForTheFirstSecondThenGrowToTheMaximum() {
    Duration d = PortProbe.FIRST_INTERVAL;
    assertThat(d).isEqualTo(Duration.ofMillis(10));
    assertThat(PortProbe.next(d, Duration.ofMillis(900))).isEqualTo(Duration.ofMillis(10));
    d = PortProbe.next(d, Duration.ofMillis(1000));
    assertThat(d).isEqualTo(Duration.ofMillis(20));
    for (int i = 0; i < 10; i++) {
      d = PortProbe.next(d, Duration.ofSeconds(2));
    }
    assertThat(d).isEqualTo(PortProbe.MAX_INTERVAL);
  }
}
