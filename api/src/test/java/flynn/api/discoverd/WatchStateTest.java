package flynn.api.discoverd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchStateTest {
  private static final String SVC = "web";
  private static final Instance A = inst("10.0.0.1:80", 5, Map.of());
  private static final Instance B = inst("10.0.0.2:80", 7, Map.of());
  private static final Instance C = inst("10.0.0.3:80", 9, Map.of());

  @Test
  void firstConnectPassesReplayAndCurrentThrough() {
    Run run = new Run().feed(up(A), up(B), leader(A), current());

    assertThat(run.kinds()).containsExactly("up:A", "up:B", "leader:A", "current");
    assertThat(run.state.instances()).containsExactly(A, B);
    assertThat(run.state.currentLeader()).contains(A);
  }

  @Test
  void liveChangesAfterCurrentArePassedThrough() {
    Run run = new Run().feed(up(A), current()).clear();

    run.feed(up(B), down(A), leader(B));

    assertThat(run.kinds()).containsExactly("up:B", "down:A", "leader:B");
    assertThat(run.state.instances()).containsExactly(B);
  }

  @Test
  void reconnectReplayOfKnownInstancesIsSilent() {
    Run run = new Run().feed(up(A), up(B), leader(A), current()).clear();

    run.reconnect().feed(up(A), up(B), leader(A), current());

    assertThat(run.kinds()).containsExactly("current");
  }

  @Test
  void instanceGoneWhileDisconnectedIsReportedDownAtCurrent() {
    Run run = new Run().feed(up(A), up(B), leader(A), current()).clear();

    run.reconnect().feed(up(B), up(C), leader(B), current());

    assertThat(run.kinds()).containsExactly("up:C", "leader:B", "down:A", "current");
    assertThat(run.state.instances()).containsExactly(B, C);
  }

  @Test
  void instanceChangedWhileDisconnectedIsReportedAsUpdate() {
    Instance movedMeta = inst("10.0.0.1:80", 5, Map.of("version", "2"));
    Run run = new Run().feed(up(A), current()).clear();

    run.reconnect().feed(up(movedMeta), current());

    assertThat(run.kinds()).containsExactly("update:A", "current");
    assertThat(run.state.instances()).containsExactly(movedMeta);
  }

  @Test
  void downOfUnknownInstanceIsDropped() {
    Run run = new Run().feed(current()).clear();

    run.feed(down(A));

    assertThat(run.kinds()).isEmpty();
  }

  @Test
  void leaderGoneIsPassedOnAsLeaderWithoutInstance() {
    Run run = new Run().feed(up(A), leader(A), current()).clear();

    run.feed(down(A), new ServiceEvent(SVC, ServiceEvent.LEADER, null));

    assertThat(run.kinds()).containsExactly("down:A", "leader:none");
    assertThat(run.state.currentLeader()).isEmpty();
  }

  @Test
  void instancesAreOrderedOldestFirst() {
    Run run = new Run().feed(up(C), up(A), up(B), current());

    assertThat(run.state.instances()).containsExactly(A, B, C);
  }

  /** Feeds events through the state, collecting what a listener would be told. */
  private static final class Run {
    WatchState state = WatchState.initial(SVC);
    final List<ServiceEvent> told = new ArrayList<>();

    Run feed(ServiceEvent... events) {
      for (ServiceEvent e : events) {
        WatchState.Step step = state.apply(e);
        state = step.state();
        told.addAll(step.events());
      }
      return this;
    }

    Run reconnect() {
      state = state.disconnected();
      return this;
    }

    Run clear() {
      told.clear();
      return this;
    }

    List<String> kinds() {
      return told.stream().map(Run::describe).toList();
    }

    private static String describe(ServiceEvent e) {
      if (e.kind().equals(ServiceEvent.CURRENT)) {
        return "current";
      }
      return e.kind() + ":" + (e.instance() == null ? "none" : label(e.instance()));
    }

    private static String label(Instance inst) {
      return Map.of(A.addr(), "A", B.addr(), "B", C.addr(), "C").get(inst.addr());
    }
  }

  private static Instance inst(String addr, long index, Map<String, String> meta) {
    return new Instance(Instance.idFor("http", addr), addr, "http", meta, index);
  }

  private static ServiceEvent up(Instance i) {
    return new ServiceEvent(SVC, ServiceEvent.UP, i);
  }

  private static ServiceEvent down(Instance i) {
    return new ServiceEvent(SVC, ServiceEvent.DOWN, i);
  }

  private static ServiceEvent leader(Instance i) {
    return new ServiceEvent(SVC, ServiceEvent.LEADER, i);
  }

  private static ServiceEvent current() {
    return new ServiceEvent(SVC, ServiceEvent.CURRENT, null);
  }
}
