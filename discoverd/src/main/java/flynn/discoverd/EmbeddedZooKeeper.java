package flynn.discoverd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node ZooKeeper inside this JVM, for the one-machine cluster and for tests: bound to
 * 127.0.0.1, admin server off, tick 500 ms, snapshots and logs under {@code dataDir}.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZooKeeper.class);
  private static final long START_TIMEOUT_MS = 30_000;
  private static final String HOST = "127.0.0.1";

  private enum State {
    LATENT,
    STARTED,
    CLOSED
  }

  private final Path dataDir;
  private final int port;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private volatile ZooKeeperServerEmbedded server;

  public EmbeddedZooKeeper(Path dataDir, int port) {
    this.dataDir = dataDir.toAbsolutePath();
    this.port = port;
  }

  /** Starts the server and waits until it serves clients. */
  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("zookeeper already started or closed: " + state.get());
    }
    try {
      Files.createDirectories(dataDir);
      deleteStaleConfigFiles();
      server =
          ZooKeeperServerEmbedded.builder()
              .baseDir(dataDir)
              .configuration(properties())
              .exitHandler(ExitHandler.LOG_ONLY)
              .build();
      server.start(START_TIMEOUT_MS);
    } catch (Exception e) {
      close();
      throw new IllegalStateException(
          "cannot start zookeeper on " + HOST + ":" + port + " in " + dataDir + ": " + e, e);
    }
    LOG.info("zookeeper started addr={}:{} dir={}", HOST, port, dataDir);
  }

  /** The client connect string, {@code 127.0.0.1:port}. */
  public String connectString() {
    return HOST + ":" + port;
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) == State.CLOSED) {
      return;
    }
    ZooKeeperServerEmbedded s = server;
    if (s != null) {
      s.close();
      LOG.info("zookeeper stopped addr={}:{}", HOST, port);
    }
  }

  private Properties properties() {
    Properties p = new Properties();
    p.setProperty("clientPort", Integer.toString(port));
    p.setProperty("clientPortAddress", HOST);
    p.setProperty("dataDir", dataDir.resolve("data").toString());
    p.setProperty("tickTime", "500");
    p.setProperty("initLimit", "10");
    p.setProperty("syncLimit", "5");
    // ZooKeeper turns unknown keys into "zookeeper.<key>" system properties; this one is its
    // documented switch for the Jetty admin server.
    p.setProperty("admin.enableServer", "false");
    p.setProperty("autopurge.snapRetainCount", "3");
    p.setProperty("autopurge.purgeInterval", "1");
    return p;
  }

  /** The embedded server writes a fresh config file into its base dir at every boot. */
  private void deleteStaleConfigFiles() throws IOException {
    try (DirectoryStream<Path> old =
        Files.newDirectoryStream(dataDir, "zookeeper.configuration*.properties")) {
      for (Path p : old) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
