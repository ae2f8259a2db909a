package flynn.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load generator through the router, as browsers and API clients load an app: {@code threads}
 * keep-alive HTTP/1.1 connections, each sending {@code GET path} back to back for as long as it
 * runs. A connection error or a 5xx is a failure; a response that closes the connection is not (the
 * next request opens a new one).
 */
final class HttpLoad implements AutoCloseable {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final int KEPT_FAILURES = 10;

  /** Between two requests of one client: keeps the load steady on a shared 2-core machine. */
  private static final Duration PACE = Duration.ofMillis(20);

  private final int port;
  private final String host;
  private final String path;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();

  private HttpLoad(int port, String host, String path) {
    this.port = port;
    this.host = host;
    this.path = path;
  }

  static HttpLoad start(int port, String host, String path, int threads) {
    HttpLoad load = new HttpLoad(port, host, path);
    for (int i = 0; i < threads; i++) {
      load.threads.add(Thread.ofPlatform().name("load-" + host + "-" + i).start(load::run));
    }
    return load;
  }

  /** One request on its own connection: the status, or 0 when the connection failed. */
  static int once(int port, String host, String path) {
    try (Socket s = connect(port)) {
      return request(s, new BufferedInputStream(s.getInputStream()), host, path).status();
    } catch (IOException e) {
      return 0;
    }
  }

  long succeeded() {
    return ok.get();
  }

  long failed() {
    return failed.get();
  }

  /** The first failures, for an assertion message. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Stops sending and waits for the requests in flight. */
  @Override
  public void close() {
    running.set(false);
    try {
      for (Thread t : threads) {
        t.join(READ_TIMEOUT.toMillis() + 1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Socket socket = null;
    InputStream in = null;
    while (running.get()) {
      try {
        if (socket == null) {
          socket = connect(port);
          in = new BufferedInputStream(socket.getInputStream());
        }
        Response r = request(socket, in, host, path);
        if (r.status() >= 500) {
          fail(r.status() + " " + r.body().strip());
        } else {
          ok.incrementAndGet();
        }
        if (r.closes()) {
          socket.close();
          socket = null;
        }
        LockSupport.parkNanos(PACE.toNanos());
      } catch (IOException e) {
        fail("connection error: " + e);
        socket = closeQuietly(socket);
      }
    }
    closeQuietly(socket);
  }

  private void fail(String why) {
    failed.incrementAndGet();
    if (failures.size() < KEPT_FAILURES) {
      failures.add(why);
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    s.setSoTimeout((int) READ_TIMEOUT.toMillis());
    s.setTcpNoDelay(true);
    return s;
  }

  private record Response(int status, String body, boolean closes) {}

  private static Response request(Socket s, InputStream in, String host, String path)
      throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(
        ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    long length = -1;
    boolean chunked = false;
    boolean closes = statusLine.startsWith("HTTP/1.0");
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:")) {
        closes = lower.contains("close");
      }
    }
    String body = chunked ? chunked(in) : fixed(in, length);
    return new Response(status, body, closes || (!chunked && length < 0));
  }

  private static String fixed(InputStream in, long length) throws IOException {
    byte[] body = length < 0 ? in.readAllBytes() : in.readNBytes((int) length);
    if (length >= 0 && body.length < length) {
      throw new IOException("response body cut after " + body.length + " of " + length);
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("chunked body cut");
      }
      int n = Integer.parseInt(size.split(";")[0].strip(), 16);
      if (n == 0) {
        for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
          // trailers are not used
        }
        return body.toString(StandardCharsets.UTF_8);
      }
      body.write(in.readNBytes(n));
      line(in);
    }
  }

  /** One CRLF-terminated line without its end, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
  }

  private static Socket closeQuietly(Socket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // the socket is dropped either way
      }
    }
    return null;
  }
}
