package flynn.scheduler.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeadershipIT {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  private TestingServer zookeeper;
  private CuratorFramework zkA;
  private CuratorFramework zkB;

  /** What one candidate was told, in order: "elected" or "revoked". */
  private final BlockingQueue<String> eventsA = new LinkedBlockingQueue<>();

  private final BlockingQueue<String> eventsB = new LinkedBlockingQueue<>();

  @BeforeEach
  void startZooKeeper() throws Exception {
    zookeeper = new TestingServer(true);
    zkA = client();
    zkB = client();
  }

  @AfterEach
  void stopZooKeeper() throws Exception {
    zkA.close();
    zkB.close();
    zookeeper.close();
  }

  @Test
  void onlyOneCandidateLeadsAndTheOtherTakesOverWhenItCloses() throws Exception {
    var a = new Leadership(zkA, Leadership.PATH, "a", recorder(eventsA));
    var b = new Leadership(zkB, Leadership.PATH, "b", recorder(eventsB));
    try (a;
        b) {
      a.start();
      assertThat(next(eventsA)).isEqualTo("elected");
      b.start();

      assertThat(a.isLeader()).isTrue();
      assertThat(b.isLeader()).isFalse();
      assertThat(eventsB).isEmpty();

      a.close();

      assertThat(eventsA).containsExactly("revoked");
      assertThat(next(eventsB)).isEqualTo("elected");
      assertThat(b.isLeader()).isTrue();
    }
    assertThat(next(eventsB)).isEqualTo("revoked");
  }

  private CuratorFramework client() {
    CuratorFramework c =
        CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100));
    c.start();
    return c;
  }

  private static Leadership.Listener recorder(BlockingQueue<String> events) {
    return new Leadership.Listener() {
      @Override
      public void elected() {
        events.add("elected");
      }

      @Override
      public void revoked() {
        events.add("revoked");
      }
    };
  }

  private static String next(BlockingQueue<String> events) throws InterruptedException {
    String event = events.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(event).as("a leadership event within " + DEADLINE).isNotNull();
    return event;
  }
}
