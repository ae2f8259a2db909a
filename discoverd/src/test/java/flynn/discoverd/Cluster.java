package flynn.discoverd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** Test fixture: one embedded ZooKeeper and the discoverd servers a test starts on it. */
final class Cluster implements AutoCloseable {
  static final Duration TTL = Duration.ofSeconds(1);
  static final Duration HEARTBEAT = Duration.ofMillis(200);

  private final EmbeddedZooKeeper zk;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  Cluster(Path dir) {
    zk = new EmbeddedZooKeeper(dir.resolve("zk"), freePort());
    zk.start();
  }

  /** A running discoverd on a free port, closed with the cluster. */
  DiscoverdServer discoverd() {
    return discoverd(0);
  }

  DiscoverdServer discoverd(int port) {
    return discoverd(port, TTL);
  }

  /** A discoverd whose instances expire after {@code ttl}. */
  DiscoverdServer discoverd(int port, Duration ttl) {
    DiscoverdServer d =
        new DiscoverdServer(
            new DiscoverdConfig("127.0.0.1", port, zk.connectString()), Tuning.withTtl(ttl));
    track(d);
    d.start();
    return d;
  }

  <T extends AutoCloseable> T track(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void close() {
    IllegalStateException failed = new IllegalStateException("cleanup failed");
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        failed.addSuppressed(e);
      }
    }
    zk.close();
    if (failed.getSuppressed().length > 0) {
      throw failed;
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
