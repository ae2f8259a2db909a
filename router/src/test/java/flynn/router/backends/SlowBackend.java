package flynn.router.backends;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A backend whose {@code /slow} answers only once the test releases it. */
final class SlowBackend implements AutoCloseable {
  static final String BODY = "slow done\n";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch release = new CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicInteger arrived =
      new java.util.concurrent.atomic.AtomicInteger();

  SlowBackend() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/slow", this::slow);
    server.setExecutor(threads);
    server.start();
  }

  String addr() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests to {@code /slow} that reached this backend. */
  int arrived() {
    return arrived.get();
  }

  void release() {
    release.countDown();
  }

  private void slow(HttpExchange ex) throws IOException {
    arrived.incrementAndGet();
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
