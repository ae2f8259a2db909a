package flynn.router.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransportTest {
  @Test
  void namesAreTheFlagValuesInAnyCase() {
    assertThat(Transport.named("nio")).isEqualTo(Transport.NIO);
    assertThat(Transport.named("NIO")).isEqualTo(Transport.NIO);
    assertThat(Transport.IO_URING).hasToString("io_uring");
  }

  @Test
  void anUnknownNameSaysWhichExist() {
    assertThatThrownBy(() -> Transport.named("kqueue"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown transport \"kqueue\": use one of [io_uring, epoll, nio]");
  }

  @Test
  void theBestIsOneThisMachineCanUse() {
    Transport best = Transport.best();
    assertThat(Transport.named(best.toString())).isEqualTo(best);
  }
}
