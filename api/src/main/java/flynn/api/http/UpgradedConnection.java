package flynn.api.http;

import flynn.api.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 connection taken over by another protocol after {@code 101 Switching Protocols}
 * (Flynn's hijacked {@code flynn-attach/0} requests). The JDK's HTTP client cannot upgrade to
 * arbitrary protocols, so this speaks the one request and response head itself.
 */
public final class UpgradedConnection implements Closeable {
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private UpgradedConnection(Socket socket, InputStream in) throws IOException {
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
  }

  /**
   * POSTs {@code body} as JSON to {@code path} of {@code baseUrl} asking for {@code protocol};
   * returns the connection once the server switched protocols, or throws the server's error.
   *
   * @param authorization the Authorization header's value, or null
   */
  static UpgradedConnection post(
      String baseUrl, String authorization, String path, Object body, String protocol) {
    URI base = URI.create(baseUrl);
    if (!"http".equals(base.getScheme())) {
      throw new IllegalArgumentException("cannot upgrade a connection to " + baseUrl);
    }
    int port = base.getPort() < 0 ? 80 : base.getPort();
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(base.getHost(), port), CONNECT_TIMEOUT_MS);
      socket.setTcpNoDelay(true);
      byte[] json = Json.writeBytes(body);
      OutputStream out = socket.getOutputStream();
      out.write(head(base, port, authorization, path, protocol, json.length));
      out.write(json);
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      Response response = Response.read(in);
      if (response.status() != 101) {
        throw JsonHttp.errorFrom(response.status(), response.body(in));
      }
      return new UpgradedConnection(socket, in);
    } catch (IOException e) {
      closeQuietly(socket);
      String why = e instanceof ConnectException ? "connection refused" : e.getMessage();
      throw new ApiException(
          503, ApiException.SERVICE_UNAVAILABLE, "cannot reach " + baseUrl + ": " + why, null);
    } catch (RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  static byte[] head(
      URI base, int port, String authorization, String path, String protocol, int length) {
    StringBuilder head = new StringBuilder();
    String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
    head.append("POST ").append(basePath).append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(base.getHost()).append(':').append(port).append("\r\n");
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    head.append("Connection: Upgrade\r\n");
    head.append("Upgrade: ").append(protocol).append("\r\n");
    head.append("Accept: application/vnd.flynn.attach\r\n");
    head.append("Content-Type: application/json\r\n");
    head.append("Content-Length: ").append(length).append("\r\n\r\n");
    return head.toString().getBytes(UTF8);
  }

  public InputStream input() {
    return in;
  }

  public OutputStream output() {
    return out;
  }

  /** Ends our side of the stream; the peer still can write. */
  public void closeOutput() throws IOException {
    socket.shutdownOutput();
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }

  /** A response's status and headers (lower-case names). */
  record Response(int status, Map<String, String> headers) {
    static Response read(InputStream in) throws IOException {
      String statusLine = line(in);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP response: " + statusLine);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      return new Response(Integer.parseInt(parts[1]), headers);
    }

    byte[] body(InputStream in) throws IOException {
      String length = headers.get("content-length");
      if (length != null) {
        return in.readNBytes(Integer.parseInt(length));
      }
      return in.readNBytes(MAX_HEAD_BYTES);
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new IOException("connection closed inside the response head");
        }
        if (line.size() > MAX_HEAD_BYTES) {
          throw new IOException("response head too long");
        }
        line.write(b);
      }
      String text = line.toString(StandardCharsets.ISO_8859_1);
      return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
  }
}
