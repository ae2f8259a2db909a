package flynn.host.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PortProbeTest {
  @Test
  void intervalsStartShortAndGrowToTheMaximum() {
    Duration d = PortProbe.FIRST_INTERVAL;
    assertThat(d).isEqualTo(Duration.ofMillis(10));
    d = PortProbe.next(d);
    assertThat(d).isEqualTo(Duration.ofMillis(20));
    for (int i = 0; i < 10; i++) {
      d = PortProbe.next(d);
    }
    assertThat(d).isEqualTo(PortProbe.MAX_INTERVAL);
  }
}
