package flynn.discoverd;

import static flynn.discoverd.Cluster.HEARTBEAT;
import static flynn.discoverd.Cluster.TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import flynn.api.Json;
import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Heartbeat;
import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceConfig;
import flynn.api.discoverd.ServiceEvent;
import flynn.api.discoverd.ServiceWatch;
import flynn.api.http.ApiException;
import flynn.api.http.JsonHttp;
import flynn.api.http.SseStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiscoverdIT {
  static final Duration EVENT_WAIT = Duration.ofSeconds(10);
  static final String SVC = "web";

  @TempDir Path dir;
  Cluster cluster;

  @BeforeEach
  void startZooKeeper() {
    cluster = new Cluster(dir);
  }

  @AfterEach
  void stopEverything() {
    cluster.close();
  }

  @Test
  void registeredInstancesAreListedOldestFirstAndTheOldestLeads() {
    DiscoverdClient client = client(cluster.discoverd());
    client.addService(SVC);
    Instance first = instance(9001);
    Instance second = instance(9002);

    client.register(SVC, second);
    client.register(SVC, first);
    client.register(SVC, second);

    List<Instance> listed = client.instances(SVC);
    assertThat(listed).extracting(Instance::addr).containsExactly(second.addr(), first.addr());
    assertThat(listed.get(0).index()).isLessThan(listed.get(1).index());
    assertThat(client.leader(SVC)).map(Instance::addr).contains(second.addr());
  }

  @Test
  void leaderOfServiceWithoutInstancesIsNotFound() {
    DiscoverdClient client = client(cluster.discoverd());
    client.addService(SVC);

    assertThat(client.leader(SVC)).isEmpty();
    assertThat(client.instances(SVC)).isEmpty();
  }

  @Test
  void heartbeatKeepsInstanceRegisteredPastTheTtl() throws Exception {
    DiscoverdClient client = client(cluster.discoverd());
    Events events = watch(client);
    Heartbeat hb = cluster.track(Heartbeat.start(client, SVC, instance(9001), HEARTBEAT));
    events.next(ServiceEvent.UP, EVENT_WAIT);

    await()
        .during(TTL.multipliedBy(3))
        .atMost(TTL.multipliedBy(5))
        .until(() -> client.instances(SVC).size() == 1);

    assertThat(events.pending()).extracting(ServiceEvent::kind).doesNotContain(ServiceEvent.DOWN);
    assertThat(client.instances(SVC).getFirst().id()).isEqualTo(hb.instance().id());
  }

  @Test
  void instanceWithoutHeartbeatExpiresAfterTheTtlAndWatchersGetDown() throws Exception {
    DiscoverdClient client = client(cluster.discoverd());
    client.addService(SVC);
    Events events = watch(client);
    Instance inst = instance(9001);

    long registeredAt = System.nanoTime();
    client.register(SVC, inst);

    assertThat(events.next(ServiceEvent.UP, EVENT_WAIT).instance().id()).isEqualTo(inst.id());
    assertThat(events.next(ServiceEvent.DOWN, EVENT_WAIT).instance().id()).isEqualTo(inst.id());
    assertThat(Duration.ofNanos(System.nanoTime() - registeredAt)).isGreaterThan(TTL);
    assertThat(client.instances(SVC)).isEmpty();
  }

  @Test
  void deregisteredInstanceGoesDownWithoutWaitingForExpiryAndLeadershipMoves() throws Exception {
    DiscoverdClient client = client(cluster.discoverd(0, Duration.ofMinutes(10)));
    client.addService(SVC);
    Instance oldest = instance(9001);
    Instance next = instance(9002);
    client.register(SVC, oldest);
    client.register(SVC, next);
    Events events = watch(client);
    events.next(ServiceEvent.CURRENT, EVENT_WAIT);

    client.deregister(SVC, oldest.id());

    assertThat(events.next(ServiceEvent.DOWN, EVENT_WAIT).instance().id()).isEqualTo(oldest.id());
    assertThat(events.next(ServiceEvent.LEADER, EVENT_WAIT).instance().id()).isEqualTo(next.id());
    assertThat(client.leader(SVC)).map(Instance::id).contains(next.id());
  }

  @Test
  void eventStreamStartsWithCurrentInstancesThenLeaderThenCurrent() throws Exception {
    DiscoverdServer d = cluster.discoverd();
    DiscoverdClient client = client(d);
    client.addService(SVC);
    Instance a = instance(9001);
    Instance b = instance(9002);
    client.register(SVC, a);
    client.register(SVC, b);

    try (SseStream stream = cluster.track(client.watch(SVC))) {
      List<ServiceEvent> first = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        first.add(Json.read(stream.next().orElseThrow().data(), ServiceEvent.class));
      }

      assertThat(first)
          .extracting(e -> e.kind() + " " + (e.instance() == null ? "-" : e.instance().addr()))
          .containsExactly("up " + a.addr(), "up " + b.addr(), "leader " + a.addr(), "current -");
      assertThat(first).allMatch(e -> e.service().equals(SVC));
    }
  }

  @Test
  void twoServersOnOneZooKeeperSeeTheSameInstances() throws Exception {
    DiscoverdClient one = client(cluster.discoverd());
    DiscoverdClient two = client(cluster.discoverd());
    one.addService(SVC);
    Events seenByTwo = watch(two);
    Instance inst = instance(9001);

    one.register(SVC, inst);

    assertThat(seenByTwo.next(ServiceEvent.UP, EVENT_WAIT).instance().id()).isEqualTo(inst.id());
    assertThat(two.instances(SVC)).isEqualTo(one.instances(SVC)).hasSize(1);
    assertThat(two.leader(SVC)).isEqualTo(one.leader(SVC));

    two.deregister(SVC, inst.id());

    assertThat(seenByTwo.next(ServiceEvent.DOWN, EVENT_WAIT).instance().id()).isEqualTo(inst.id());
    assertThat(one.instances(SVC)).isEmpty();
  }

  @Test
  void restartedServerKeepsInstancesThatHeartbeat() throws Exception {
    int port = Cluster.freePort();
    DiscoverdServer before = cluster.discoverd(port);
    DiscoverdClient client = client(before);
    Instance inst =
        cluster.track(Heartbeat.start(client, SVC, instance(9001), HEARTBEAT)).instance();
    long index = client.instances(SVC).getFirst().index();

    before.close();
    DiscoverdServer after = cluster.discoverd(port);

    assertThat(client.instances(SVC)).extracting(Instance::id).containsExactly(inst.id());
    await()
        .during(TTL.multipliedBy(3))
        .atMost(TTL.multipliedBy(5))
        .until(() -> client(after).instances(SVC).size() == 1);
    assertThat(client.instances(SVC).getFirst().index()).isEqualTo(index);
  }

  @Test
  void serviceWatchCatchesUpOnChangesMadeWhileItsServerWasDown() throws Exception {
    int port = Cluster.freePort();
    DiscoverdServer watched = cluster.discoverd(port);
    DiscoverdClient other = client(cluster.discoverd());
    other.addService(SVC);
    Instance a = instance(9001);
    Instance b = instance(9002);
    other.register(SVC, a);
    Events events = new Events();
    ServiceWatch watch = cluster.track(ServiceWatch.start(client(watched), SVC, events));
    assertThat(watch.awaitCurrent(EVENT_WAIT)).isTrue();
    assertThat(events.next(ServiceEvent.UP, EVENT_WAIT).instance().id()).isEqualTo(a.id());

    watched.close();
    other.register(SVC, b);
    other.deregister(SVC, a.id());
    cluster.discoverd(port);

    assertThat(events.next(ServiceEvent.UP, EVENT_WAIT).instance().id()).isEqualTo(b.id());
    assertThat(events.next(ServiceEvent.DOWN, EVENT_WAIT).instance().id()).isEqualTo(a.id());
    assertThat(watch.instances()).extracting(Instance::id).containsExactly(b.id());
    assertThat(watch.leader()).map(Instance::id).contains(b.id());
  }

  @Test
  void badRequestsGetFlynnErrors() {
    DiscoverdServer d = cluster.discoverd();
    DiscoverdClient client = client(d);
    JsonHttp http = new JsonHttp(d.url(), null);
    client.addService(SVC);
    Instance inst = instance(9001);
    Instance wrongId = new Instance("0123", inst.addr(), inst.proto(), null, null);

    assertThatThrownBy(() -> http.put("/services/" + SVC, ServiceConfig.oldest()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ApiException.OBJECT_EXISTS));
    assertThatThrownBy(() -> client.register("missing", inst))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> http.put("/services/" + SVC + "/instances/0123", wrongId))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error().field()).isEqualTo("id"));
    assertThatThrownBy(() -> client.removeService("missing"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ApiException.OBJECT_NOT_FOUND));
  }

  @Test
  void removedServiceTakesItsInstancesDown() throws Exception {
    DiscoverdClient client = client(cluster.discoverd());
    client.addService(SVC);
    Instance inst = instance(9001);
    client.register(SVC, inst);
    Events events = watch(client);
    events.next(ServiceEvent.CURRENT, EVENT_WAIT);

    client.removeService(SVC);

    assertThat(events.next(ServiceEvent.DOWN, EVENT_WAIT).instance().id()).isEqualTo(inst.id());
    assertThat(client.service(SVC)).isEmpty();
  }

  private Events watch(DiscoverdClient client) throws InterruptedException {
    Events events = new Events();
    ServiceWatch w = cluster.track(ServiceWatch.start(client, SVC, events));
    assertThat(w.awaitCurrent(EVENT_WAIT)).isTrue();
    return events;
  }

  private static DiscoverdClient client(DiscoverdServer d) {
    return new DiscoverdClient(d.url());
  }

  private static Instance instance(int port) {
    return Instance.of("http", "127.0.0.1:" + port, Map.of("test", "yes"));
  }
}
