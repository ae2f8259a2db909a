package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpAllocatorTest {
  private final IpAllocator allocator = new IpAllocator(NetworkConfig.defaults());

  @Test
  void theFirstJobGetsTheAddressAfterTheGateway() {
    assertThat(allocator.next(Set.of())).contains("100.100.0.2");
  }

  @Test
  void takenAddressesAreSkippedAndFreedOnesReused() {
    assertThat(allocator.next(Set.of("100.100.0.2", "100.100.0.3"))).contains("100.100.0.4");
    assertThat(allocator.next(Set.of("100.100.0.3"))).contains("100.100.0.2");
  }

  @Test
  void theGatewayIsNeverHandedOutEvenInTheMiddleOfTheSubnet() {
    IpAllocator middle = new IpAllocator(new NetworkConfig("br", "10.0.0.3", 29));

    assertThat(middle.next(Set.of("10.0.0.1", "10.0.0.2"))).contains("10.0.0.4");
    assertThat(middle.contains("10.0.0.3")).isFalse();
  }

  @Test
  void aFullSubnetHasNoAddressAndNeverTheBroadcast() {
    IpAllocator small = new IpAllocator(new NetworkConfig("br", "10.0.0.1", 29));
    Set<String> taken = new HashSet<>();
    small.next(taken).ifPresent(taken::add);
    while (small.next(taken).isPresent()) {
      taken.add(small.next(taken).orElseThrow());
    }

    assertThat(taken).hasSize(5).doesNotContain("10.0.0.0", "10.0.0.1", "10.0.0.7");
  }

  @Test
  void containsOnlyUsableAddressesOfTheSubnet() {
    assertThat(allocator.contains("100.100.255.254")).isTrue();
    assertThat(allocator.contains("100.100.255.255")).isFalse();
    assertThat(allocator.contains("100.101.0.2")).isFalse();
    assertThat(allocator.contains("100.100.0.1")).isFalse();
  }

  @Test
  void macIsDerivedFromTheAddressAndLocallyAdministered() {
    assertThat(Ipv4.macFor("100.100.0.2")).isEqualTo("02:42:64:64:00:02");
    assertThat(Ipv4.macFor("10.255.1.200")).isEqualTo("02:42:0a:ff:01:c8");
  }

  @Test
  void malformedAddressesAreRejected() {
    assertThatThrownBy(() -> Ipv4.parse("100.100.0")).hasMessageContaining("not an IPv4");
    assertThatThrownBy(() -> Ipv4.parse("100.100.0.256")).hasMessageContaining("not an IPv4");
    assertThat(Ipv4.format(Ipv4.parse("1.2.3.4"))).isEqualTo("1.2.3.4");
  }
}
