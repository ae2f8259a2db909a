package flynn.blobstore;

import flynn.blobstore.store.FileStore;
import flynn.blobstore.web.BlobRoutes;
import flynn.http.ApiServer;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The blobstore: Flynn's object API over a {@link FileStore}, with the cluster key. */
public final class BlobstoreServer implements AutoCloseable {
  /** The discoverd service name, as in Flynn ({@code blobstore.discoverd}). */
  public static final String SERVICE = "blobstore";

  private static final Logger LOG = LoggerFactory.getLogger(BlobstoreServer.class);

  private enum State {
    LATENT,
    STARTED,
    CLOSED
  }

  private final BlobstoreConfig config;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private ApiServer http;

  public BlobstoreServer(BlobstoreConfig config) {
    this.config = config;
  }

  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("blobstore already started or closed: " + state.get());
    }
    FileStore store = new FileStore(config.root(), Clock.systemUTC());
    http =
        ApiServer.start(
            config.host(),
            config.port(),
            config.key(),
            Set.of(),
            routing -> routing.register(new BlobRoutes(store)));
    LOG.info("event=blobstore-started url={} root={}", url(), config.root());
  }

  public int port() {
    if (http == null) {
      throw new IllegalStateException("blobstore not started");
    }
    return http.port();
  }

  /** The address other parts reach it at (loopback when it listens on every interface). */
  public String address() {
    String host = config.host();
    return (host == null || host.isEmpty() || host.equals("0.0.0.0") ? "127.0.0.1" : host)
        + ":"
        + port();
  }

  public String url() {
    return "http://" + address();
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) == State.STARTED && http != null) {
      http.close();
      LOG.info("event=blobstore-closed");
    }
  }
}
