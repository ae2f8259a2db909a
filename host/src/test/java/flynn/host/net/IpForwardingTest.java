package flynn.host.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpForwardingTest {
  @TempDir Path temp;

  private Path sysctl(String value) throws IOException {
    return Files.writeString(temp.resolve("ip_forward"), value + "\n");
  }

  @Test
  void forwardingTurnedOnIsTurnedOffAgainOnRestore() throws IOException {
    Path sysctl = sysctl("0");
    IpForwarding forwarding = new IpForwarding(sysctl, temp.resolve("state/net/saved"));

    forwarding.enable();
    assertThat(Files.readString(sysctl)).isEqualTo("1\n");
    forwarding.restore();

    assertThat(Files.readString(sysctl)).isEqualTo("0\n");
    assertThat(temp.resolve("state/net/saved")).doesNotExist();
  }

  @Test
  void forwardingThatWasAlreadyOnIsLeftOn() throws IOException {
    Path sysctl = sysctl("1");
    IpForwarding forwarding = new IpForwarding(sysctl, temp.resolve("saved"));

    forwarding.enable();
    forwarding.restore();

    assertThat(Files.readString(sysctl)).isEqualTo("1\n");
  }

  @Test
  void afterACrashTheValueFromBeforeTheCrashIsRestored() throws IOException {
    Path sysctl = sysctl("0");
    Path saved = temp.resolve("saved");
    new IpForwarding(sysctl, saved).enable(); // the daemon is then killed: no restore

    IpForwarding restarted = new IpForwarding(sysctl, saved);
    restarted.enable();
    restarted.restore();

    assertThat(Files.readString(sysctl)).isEqualTo("0\n");
  }
}
