package flynn.host.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  private static final String TAIL =
      " 1 4242 4242 0 -1 4194560 200 0 0 0 1 2 0 0 20 0 1 0 987654 12345678 300 18446744073709551615";

  @Test
  void readsStateGroupSessionAndStartTime() {
    ProcStat stat = ProcStat.parse("4242 (sleep) S" + TAIL);

    assertThat(stat).isEqualTo(new ProcStat(4242, 'S', 1, 4242, 4242, 987654));
  }

  @Test
  void commandNamesWithSpacesAndParenthesesDoNotShiftFields() {
    ProcStat stat = ProcStat.parse("77 (my (odd) cmd) R" + TAIL);

    assertThat(stat.pid()).isEqualTo(77);
    assertThat(stat.state()).isEqualTo('R');
    assertThat(stat.pgrp()).isEqualTo(4242);
    assertThat(stat.startTime()).isEqualTo(987654);
  }

  @Test
  void zombiesAreRecognised() {
    assertThat(ProcStat.parse("9 (sh) Z" + TAIL).isZombie()).isTrue();
    assertThat(ProcStat.parse("9 (sh) S" + TAIL).isZombie()).isFalse();
  }

  @Test
  void rejectsWhatIsNotAStatLine() {
    assertThatThrownBy(() -> ProcStat.parse("hello")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcStat.parse("12 (x) S 1 2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcStat.parse("12 (x) S" + TAIL.replace("987654", "soon")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheRunningJvm() {
    long pid = ProcessHandle.current().pid();

    assertThat(ProcStat.read(pid)).hasValueSatisfying(s -> assertThat(s.pid()).isEqualTo(pid));
    assertThat(ProcStat.read(Integer.MAX_VALUE)).isEmpty();
  }
}
