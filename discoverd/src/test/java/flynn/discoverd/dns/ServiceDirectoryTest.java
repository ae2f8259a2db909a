package flynn.discoverd.dns;

import static flynn.discoverd.dns.DnsAnswersTest.instance;
import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.discoverd.Instance;
import org.junit.jupiter.api.Test;

class ServiceDirectoryTest {
  static final Instance OLD = instance("tcp", "10.0.0.1:80", 1);
  static final Instance NEW = instance("tcp", "10.0.0.2:80", 2);

  final ServiceDirectory directory = new ServiceDirectory();

  @Test
  void aServiceIsKnownFromItsCreationEvenWithoutInstances() {
    directory.serviceAdded("web");

    assertThat(directory.instances("web")).contains(java.util.List.of());
    assertThat(directory.instances("other")).isEmpty();
  }

  @Test
  void instancesAreListedOldestFirstAndLeaveWhenRemoved() {
    directory.instancePut("web", NEW, 0);
    directory.instancePut("web", OLD, 0);
    assertThat(directory.instances("web").orElseThrow()).containsExactly(OLD, NEW);

    directory.instanceRemoved("web", OLD.id());
    assertThat(directory.instances("web").orElseThrow()).containsExactly(NEW);
  }

  @Test
  void aRemovedServiceIsUnknown() {
    directory.instancePut("web", OLD, 0);

    directory.serviceRemoved("web");

    assertThat(directory.instances("web")).isEmpty();
  }
}
