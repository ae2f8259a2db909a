package flynn.discoverd.registry;

import static flynn.discoverd.registry.ServiceStateTest.inst;
import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {
  static final Instance A = inst("10.0.0.1:80", 1, Map.of());
  static final Instance B = inst("10.0.0.2:80", 2, Map.of());

  final Registry registry = new Registry();

  @Test
  void subscriberGetsReplayThenLaterChanges() throws Exception {
    registry.instancePut("web", A, 0);
    Subscription sub = registry.subscribe("web", Registry.ALL_KINDS);

    registry.instancePut("web", B, 0);
    registry.instanceRemoved("web", A.id());

    assertThat(drain(sub))
        .containsExactly("up 1", "leader 1", "current -", "up 2", "down 1", "leader 2");
  }

  @Test
  void subscribingToUnknownServiceGivesCurrentAndLaterUps() throws Exception {
    Subscription sub = registry.subscribe("web", Registry.ALL_KINDS);

    registry.instancePut("web", A, 0);

    assertThat(drain(sub)).containsExactly("current -", "up 1", "leader 1");
  }

  @Test
  void leaderStreamCarriesOnlyLeaderEvents() throws Exception {
    registry.instancePut("web", A, 0);
    Subscription sub = registry.subscribe("web", Registry.LEADER_KINDS);

    registry.instancePut("web", B, 0);
    registry.instanceRemoved("web", A.id());

    assertThat(drain(sub)).containsExactly("leader 1", "leader 2");
  }

  @Test
  void otherServicesEventsAreNotDelivered() throws Exception {
    Subscription sub = registry.subscribe("web", Registry.ALL_KINDS);

    registry.instancePut("db", A, 0);

    assertThat(drain(sub)).containsExactly("current -");
  }

  @Test
  void subscriberFallingTooFarBehindIsEnded() throws Exception {
    Subscription sub = registry.subscribe("web", Registry.ALL_KINDS);

    for (int i = 0; i < 100; i++) {
      Instance inst = inst("10.0.1." + i + ":80", 100 + i, Map.of());
      registry.instancePut("web", inst, 0);
    }

    List<Subscription.Next> all = drainRaw(sub);
    assertThat(all.getLast()).isInstanceOf(Subscription.Ended.class);
    assertThat(all).hasSizeLessThan(100);
  }

  @Test
  void closeEndsEveryStreamAndRefusesNewOnes() throws Exception {
    Subscription before = registry.subscribe("web", Registry.ALL_KINDS);

    registry.close();

    assertThat(drainRaw(before).getLast()).isInstanceOf(Subscription.Ended.class);
    assertThat(registry.subscribe("web", Registry.ALL_KINDS).next(Duration.ZERO))
        .isInstanceOf(Subscription.Ended.class);
  }

  @Test
  void closedSubscriptionGetsNoMoreEvents() throws Exception {
    Subscription sub = registry.subscribe("web", Registry.ALL_KINDS);
    sub.close();

    registry.instancePut("web", A, 0);

    assertThat(drain(sub)).containsExactly("current -");
  }

  private static List<String> drain(Subscription sub) throws InterruptedException {
    return drainRaw(sub).stream()
        .filter(Subscription.Event.class::isInstance)
        .map(n -> describe(((Subscription.Event) n).event()))
        .toList();
  }

  private static List<Subscription.Next> drainRaw(Subscription sub) throws InterruptedException {
    List<Subscription.Next> out = new ArrayList<>();
    Subscription.Next n;
    while (!((n = sub.next(Duration.ZERO)) instanceof Subscription.Idle)) {
      out.add(n);
      if (n instanceof Subscription.Ended) {
        break;
      }
    }
    return out;
  }

  private static String describe(ServiceEvent e) {
    return e.kind() + " " + (e.instance() == null ? "-" : e.instance().index());
  }
}
