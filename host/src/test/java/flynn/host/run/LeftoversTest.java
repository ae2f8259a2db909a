package flynn.host.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeftoversTest {
  private static final ProcStat RUNNING = new ProcStat(100, 'S', 1, 100, 100, 5555);

  @Test
  void theRecordedProcessMatchesOnStartTimeAndGroup() {
    assertThat(Leftovers.isSameProcess(new ProcessRef(100, 100, 5555), RUNNING)).isTrue();
  }

  @Test
  void aReusedPidHasAnotherStartTime() {
    assertThat(Leftovers.isSameProcess(new ProcessRef(100, 100, 1234), RUNNING)).isFalse();
  }

  @Test
  void anUnknownStartTimeNeverMatches() {
    assertThat(Leftovers.isSameProcess(new ProcessRef(100, 100, -1), RUNNING)).isFalse();
  }

  @Test
  void aProcessThatLeftTheGroupDoesNotMatch() {
    assertThat(Leftovers.isSameProcess(new ProcessRef(100, 99, 5555), RUNNING)).isFalse();
  }
}
