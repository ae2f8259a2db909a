package flynn.http.upgrade;

import flynn.api.Json;
import flynn.api.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One upgrade request as its handler sees it: path parameters, headers, body, the switch. */
public final class Upgrade {
  private final RequestHead head;
  private final Map<String, String> params;
  private final byte[] body;
  private final String protocol;
  private final InputStream in;
  private final OutputStream out;
  private boolean switched;

  Upgrade(
      RequestHead head,
      Map<String, String> params,
      byte[] body,
      String protocol,
      InputStream in,
      OutputStream out) {
    this.head = head;
    this.params = params;
    this.body = body;
    this.protocol = protocol;
    this.in = in;
    this.out = out;
  }

  public String pathParam(String name) {
    return params.get(name);
  }

  public String path() {
    return head.path();
  }

  /** The request's JSON body as {@code type}; a 400 {@code syntax_error} when it is not. */
  public <T> T body(Class<T> type) {
    try {
      return Json.mapper().readValue(body, type);
    } catch (IOException | UncheckedIOException e) {
      throw ApiException.syntax("invalid JSON: " + e.getMessage());
    }
  }

  /** Sends {@code 101 Switching Protocols}; from then on the streams carry the new protocol. */
  public Streams switchProtocols() throws IOException {
    String response =
        "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: "
            + protocol
            + "\r\n\r\n";
    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    switched = true;
    return new Streams(in, out);
  }

  boolean switched() {
    return switched;
  }

  /** The connection's two directions after the switch. */
  public record Streams(InputStream in, OutputStream out) {}
}
