package flynn.api.http;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads a Server-Sent Events stream one event at a time. Blocking; close it to stop. */
public final class SseStream implements Closeable {
  /** One event: {@code id}, {@code event} name (may be null) and {@code data}. */
  public record Event(String id, String event, String data) {}

  private final InputStream in;
  private final BufferedReader reader;

  SseStream(InputStream in) {
    this.in = in;
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The next event, or empty when the server ended the stream. */
  public Optional<Event> next() throws IOException {
    String id = null;
    String name = null;
    StringBuilder data = null;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return Optional.of(new Event(id, name, data.toString()));
        }
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "id" -> id = value;
        case "event" -> name = value;
        case "data" ->
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> {}
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
