package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpLeasesTest {
  @TempDir Path stateDir;

  @Test
  void aContainerKeepsItsAddressAndTheNextOneGetsAnother() {
    IpLeases leases = new IpLeases(NetworkConfig.defaults(), stateDir);

    String first = leases.acquire("flynn-a");
    assertThat(leases.acquire("flynn-a")).isEqualTo(first);
    assertThat(leases.acquire("flynn-b")).isNotEqualTo(first);
  }

  @Test
  void leasesSurviveARestartAndReleasedOnesAreFree() {
    IpLeases before = new IpLeases(NetworkConfig.defaults(), stateDir);
    String a = before.acquire("flynn-a");
    String b = before.acquire("flynn-b");
    before.release("flynn-a");

    IpLeases after = new IpLeases(NetworkConfig.defaults(), stateDir);
    assertThat(after.snapshot()).containsOnlyKeys(b);
    assertThat(after.acquire("flynn-c")).isEqualTo(a);
    assertThat(after.release("flynn-unknown")).isFalse();
  }
}
