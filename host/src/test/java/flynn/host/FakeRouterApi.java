package flynn.host;

import com.sun.net.httpserver.HttpServer;
import flynn.api.Json;
import flynn.api.router.BackendStatus;
import flynn.api.router.DrainStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in router API: {@code GET /drained} records the address asked for and answers drained
 * only once the test says so (or "not drained" when the asked wait runs out first); {@code GET
 * /backends/ready} answers ready at once, or, after {@link #holdReady}, once the test says so.
 */
final class FakeRouterApi implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch drained = new CountDownLatch(1);
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private final List<String> askedReady = new CopyOnWriteArrayList<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile boolean holdReady;

  FakeRouterApi() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/drained",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          String addr = param(query, "addr");
          asked.add(addr);
          boolean done = await(drained, Long.parseLong(param(query, "timeout_ms")));
          byte[] body = Json.writeBytes(new DrainStatus(addr, done, done ? 0 : 1));
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/backends/ready",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          String addr = param(query, "addr");
          askedReady.add(addr);
          boolean done = !holdReady || await(ready, Long.parseLong(param(query, "timeout_ms")));
          byte[] body =
              Json.writeBytes(new BackendStatus(param(query, "service"), addr, true, done));
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(threads);
    server.start();
  }

  String addr() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The addresses hosts asked about. */
  List<String> asked() {
    return List.copyOf(asked);
  }

  void drain() {
    drained.countDown();
  }

  /** From now on, backends are ready only once the test says so ({@link #routeNow}). */
  void holdReady() {
    holdReady = true;
  }

  void routeNow() {
    ready.countDown();
  }

  /** The addresses hosts asked to be routed to. */
  List<String> askedReady() {
    return List.copyOf(askedReady);
  }

  private static boolean await(CountDownLatch latch, long ms) {
    try {
      return latch.await(ms, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String param(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(
            pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  @Override
  public void close() {
    drained.countDown();
    ready.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
