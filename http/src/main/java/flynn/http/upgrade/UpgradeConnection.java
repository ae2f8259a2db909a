package flynn.http.upgrade;

import flynn.api.Json;
import flynn.api.http.ApiException;
import flynn.http.KeyAuth;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection whose first request may upgrade it: reads the head without consuming it, and either
 * serves the upgrade itself (auth, body, the handler) or hands the untouched bytes to HTTP/1.
 */
final class UpgradeConnection implements ServerConnection {
  private static final Logger LOG = LoggerFactory.getLogger(UpgradeConnection.class);
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final long MAX_BODY_BYTES = 1 << 20;

  private final ConnectionContext ctx;
  private final List<UpgradeRoute> routes;
  private final String key;
  private final Supplier<ServerConnection> http1;
  private volatile ServerConnection delegate;
  private volatile Thread thread;

  UpgradeConnection(
      ConnectionContext ctx,
      List<UpgradeRoute> routes,
      String key,
      Supplier<ServerConnection> http1) {
    this.ctx = ctx;
    this.routes = routes;
    this.key = key;
    this.http1 = http1;
  }

  @Override
  public void handle(Limit limit) throws InterruptedException {
    thread = Thread.currentThread();
    DataReader reader = ctx.dataReader();
    RequestHead head;
    int headLength;
    try {
      byte[] peeked = peekHead(reader);
      headLength = RequestHead.length(peeked);
      head = headLength < 0 ? null : RequestHead.parse(java.util.Arrays.copyOf(peeked, headLength));
    } catch (DataReader.InsufficientDataAvailableException | IllegalArgumentException e) {
      return;
    }
    Optional<Matched> matched = head == null ? Optional.empty() : match(head);
    if (matched.isEmpty()) {
      delegate = http1.get();
      delegate.handle(limit);
      return;
    }
    reader.skip(headLength);
    serve(head, matched.get(), reader);
  }

  private record Matched(UpgradeRoute route, Map<String, String> params) {}

  private Optional<Matched> match(RequestHead head) {
    for (UpgradeRoute route : routes) {
      Optional<Map<String, String>> params = route.match(head.method(), head.path());
      if (params.isPresent() && head.upgradesTo(route.protocol())) {
        return Optional.of(new Matched(route, params.get()));
      }
    }
    return Optional.empty();
  }

  /** The head's bytes (and maybe more), read without moving the reader. */
  private static byte[] peekHead(DataReader reader) {
    int want = Math.max(1, reader.available());
    while (true) {
      byte[] bytes = reader.getBuffer(want).readBytes();
      if (RequestHead.length(bytes) >= 0 || bytes.length >= MAX_HEAD_BYTES) {
        return bytes;
      }
      want = Math.max(want + 1, reader.available());
    }
  }

  private void serve(RequestHead head, Matched matched, DataReader reader) {
    OutputStream out = new WriterStream(ctx);
    Upgrade upgrade = null;
    try {
      authorize(head);
      long length = head.contentLength();
      if (length > MAX_BODY_BYTES) {
        throw ApiException.tooBig(MAX_BODY_BYTES);
      }
      byte[] body = length == 0 ? new byte[0] : reader.readBytes((int) length);
      upgrade =
          new Upgrade(
              head,
              matched.params(),
              body,
              matched.route().protocol(),
              new ReaderStream(reader),
              out);
      matched.route().handler().handle(upgrade);
    } catch (ApiException e) {
      if (upgrade == null || !upgrade.switched()) {
        respond(out, e);
      } else {
        LOG.warn("path={} event=upgrade-failed error=\"{}\"", head.path(), e.getMessage());
      }
    } catch (Exception e) {
      LOG.error("path={} event=upgrade-failed", head.path(), e);
      if (upgrade == null || !upgrade.switched()) {
        respond(
            out, new ApiException(500, ApiException.UNKNOWN_ERROR, "internal error: " + e, null));
      }
    }
  }

  private void authorize(RequestHead head) {
    if (key == null) {
      return;
    }
    boolean ok = head.header("authorization").map(h -> KeyAuth.accepts(key, h)).orElse(false);
    if (!ok) {
      throw ApiException.unauthorized();
    }
  }

  private static void respond(OutputStream out, ApiException e) {
    byte[] body = Json.writeBytes(e.error());
    String head =
        "HTTP/1.1 "
            + e.status()
            + " Error\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    try {
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
    } catch (IOException | RuntimeException ignored) {
      // the client is gone; nothing to tell it
    }
  }

  @Override
  public Duration idleTime() {
    ServerConnection d = delegate;
    return d == null ? Duration.ZERO : d.idleTime();
  }

  @Override
  public void close(boolean interrupt) {
    ServerConnection d = delegate;
    if (d != null) {
      d.close(interrupt);
      return;
    }
    try {
      ctx.serverSocket().close();
    } catch (RuntimeException e) {
      LOG.debug("event=upgrade-close-failed error={}", e.toString());
    }
    Thread t = thread;
    if (interrupt && t != null) {
      t.interrupt();
    }
  }

  /** Reads what the client sends after the head; -1 once it closed. */
  private static final class ReaderStream extends InputStream {
    private final DataReader reader;

    ReaderStream(DataReader reader) {
      this.reader = reader;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      try {
        reader.ensureAvailable();
      } catch (DataReader.InsufficientDataAvailableException e) {
        return -1;
      } catch (RuntimeException e) {
        throw new IOException("connection failed: " + e.getMessage(), e);
      }
      int n = Math.min(len, reader.available());
      byte[] bytes = reader.readBytes(n);
      System.arraycopy(bytes, 0, b, off, n);
      return n;
    }
  }

  /** Writes straight to the connection's socket. */
  private static final class WriterStream extends OutputStream {
    private final ConnectionContext ctx;

    WriterStream(ConnectionContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        ctx.dataWriter()
            .writeNow(BufferData.create(java.util.Arrays.copyOfRange(b, off, off + len)));
      } catch (RuntimeException e) {
        throw new IOException("connection failed: " + e.getMessage(), e);
      }
    }
  }
}
