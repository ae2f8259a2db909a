package flynn.http;

import flynn.api.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Server-Sent Events response in Flynn's framing: optional {@code id:} and {@code event:} lines,
 * one {@code data:} line per line of JSON, a blank line; keep-alives are a lone {@code :} line
 * (never a blank one, which Flynn's Go reader would take as an empty event).
 */
public final class SseResponse implements Closeable {
  private final OutputStream out;

  public SseResponse(ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    this.out = res.outputStream();
  }

  public static boolean wanted(io.helidon.webserver.http.ServerRequest req) {
    return req.headers()
        .first(HeaderNames.ACCEPT)
        .map(a -> a.contains("text/event-stream"))
        .orElse(false);
  }

  /** Sends one event; throws IOException once the client has gone away. */
  public synchronized void send(String id, String event, Object data) throws IOException {
    StringBuilder sb = new StringBuilder();
    if (id != null) {
      sb.append("id: ").append(id).append('\n');
    }
    if (event != null) {
      sb.append("event: ").append(event).append('\n');
    }
    for (String line : Json.write(data).split("\n", -1)) {
      sb.append("data: ").append(line).append('\n');
    }
    sb.append('\n');
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  public synchronized void keepAlive() throws IOException {
    out.write(":\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * Sends the headers so a client sees the stream open before the first event. Helidon sends
   * nothing on a flush before the first byte, so this writes a keep-alive.
   */
  public synchronized void open() throws IOException {
    keepAlive();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
