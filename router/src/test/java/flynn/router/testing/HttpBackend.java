package flynn.router.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP backend on loopback: {@code /sink} reads the request body and answers its length and
 * SHA-256; {@code /blob?size=N} streams N pseudo-random bytes (seed 7); any other path answers
 * {@code backend=<name>} and the request headers, one {@code name: value} line each.
 */
public final class HttpBackend implements AutoCloseable {
  private final String name;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore heldBodies = new Semaphore(0);

  private HttpBackend(String name, HttpServer server) {
    this.name = name;
    this.server = server;
  }

  public static HttpBackend start(String name) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HttpBackend b = new HttpBackend(name, server);
    server.createContext("/", b::describe);
    server.createContext("/sink", HttpBackend::sink);
    server.createContext("/blob", HttpBackend::blob);
    server.createContext("/held", b::held);
    server.setExecutor(b.threads);
    server.start();
    return b;
  }

  public String addr() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void describe(HttpExchange ex) throws IOException {
    StringBuilder body = new StringBuilder("backend=" + name + "\n");
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      for (String v : h.getValue()) {
        body.append(h.getKey().toLowerCase()).append(": ").append(v).append('\n');
      }
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getRequestBody().readAllBytes();
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sink(HttpExchange ex) throws IOException {
    MessageDigest sha = sha256();
    long length = 0;
    byte[] buf = new byte[65536];
    try (InputStream in = ex.getRequestBody()) {
      for (int n; (n = in.read(buf)) > 0; length += n) {
        sha.update(buf, 0, n);
      }
    }
    byte[] body =
        (length + " " + HexFormat.of().formatHex(sha.digest())).getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static void blob(HttpExchange ex) throws IOException {
    int size = Integer.parseInt(ex.getRequestURI().getQuery().substring("size=".length()));
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(blobBytes(size));
    }
  }

  private void held(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      out.flush();
      if (heldBodies.tryAcquire(30, TimeUnit.SECONDS)) {
        out.write("released".getBytes(StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Lets one {@code /held} request send its body. */
  public void releaseHeld() {
    heldBodies.release();
  }

  /** The bytes {@code /blob?size=N} sends. */
  public static byte[] blobBytes(int size) {
    byte[] b = new byte[size];
    new Random(7).nextBytes(b);
    return b;
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
