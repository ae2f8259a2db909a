package flynn.discoverd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceStateTest {
  static final Instance OLD = inst("10.0.0.1:80", 10, Map.of());
  static final Instance NEW = inst("10.0.0.2:80", 20, Map.of());

  @Test
  void firstInstanceIsUpAndBecomesLeader() {
    var change = ServiceState.empty("web").put(OLD);

    assertThat(describe(change.events())).containsExactly("up 10", "leader 10");
  }

  @Test
  void youngerInstanceDoesNotTakeLeadership() {
    var change = ServiceState.empty("web").put(OLD).state().put(NEW);

    assertThat(describe(change.events())).containsExactly("up 20");
    assertThat(change.state().leader()).contains(OLD);
  }

  @Test
  void heartbeatWithSameContentIsNoEvent() {
    ServiceState s = ServiceState.empty("web").put(OLD).state();

    assertThat(s.put(OLD).events()).isEmpty();
  }

  @Test
  void changedMetadataIsAnUpdate() {
    ServiceState s = ServiceState.empty("web").put(OLD).state();
    Instance changed = inst("10.0.0.1:80", 10, Map.of("v", "2"));

    var change = s.put(changed);

    assertThat(describe(change.events())).containsExactly("update 10");
    assertThat(change.state().sorted()).containsExactly(changed);
  }

  @Test
  void leaderDownHandsLeadershipToNextOldest() {
    ServiceState s = ServiceState.empty("web").put(NEW).state().put(OLD).state();

    var change = s.remove(OLD.id());

    assertThat(describe(change.events())).containsExactly("down 10", "leader 20");
  }

  @Test
  void lastInstanceDownLeavesNoLeader() {
    ServiceState s = ServiceState.empty("web").put(OLD).state();

    assertThat(describe(s.remove(OLD.id()).events())).containsExactly("down 10", "leader -");
  }

  @Test
  void removingUnknownInstanceIsNoEvent() {
    assertThat(ServiceState.empty("web").remove(OLD.id()).events()).isEmpty();
  }

  @Test
  void serviceRemovalTakesEveryInstanceDownOldestFirst() {
    ServiceState s = ServiceState.empty("web").put(NEW).state().put(OLD).state();

    var change = s.removeAll();

    assertThat(describe(change.events())).containsExactly("down 10", "down 20", "leader -");
    assertThat(change.state().instances()).isEmpty();
  }

  @Test
  void replayIsUpsOldestFirstThenLeaderThenCurrent() {
    ServiceState s = ServiceState.empty("web").put(NEW).state().put(OLD).state();

    assertThat(describe(s.replay())).containsExactly("up 10", "up 20", "leader 10", "current -");
  }

  @Test
  void replayOfEmptyServiceIsJustCurrent() {
    assertThat(describe(ServiceState.empty("web").replay())).containsExactly("current -");
  }

  static List<String> describe(List<ServiceEvent> events) {
    return events.stream()
        .map(e -> e.kind() + " " + (e.instance() == null ? "-" : e.instance().index()))
        .toList();
  }

  static Instance inst(String addr, long index, Map<String, String> meta) {
    return new Instance(Instance.idFor("http", addr), addr, "http", meta, index);
  }
}
