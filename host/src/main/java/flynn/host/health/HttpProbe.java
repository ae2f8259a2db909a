package flynn.host.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An HTTP/1.0 GET of the check's path: passes on the expected status and, when the check has a
 * {@code match}, a body whose first {@link #BODY_LIMIT} bytes contain it. Plain sockets keep the
 * probe bounded by one timeout and let it send any Host header.
 */
final class HttpProbe implements Probe {
  /** How much of the body a match looks at (Flynn's). */
  static final int BODY_LIMIT = 5120;

  /** Enough for the status line and headers of a health endpoint's reply. */
  private static final int HEAD_LIMIT = 16 * 1024;

  private final String host;
  private final int port;
  private final CheckSpec spec;

  HttpProbe(String host, int port, CheckSpec spec) {
    this.host = host;
    this.port = port;
    this.spec = spec;
  }

  @Override
  public ProbeResult probe() {
    int timeout = (int) spec.timeout().toMillis();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), timeout);
      s.setSoTimeout(timeout);
      send(s.getOutputStream());
      return HttpReply.judge(spec, read(s.getInputStream(), spec.match() != null));
    } catch (IOException e) {
      return ProbeResult.fail("GET " + url() + ": " + Reasons.of(e));
    }
  }

  private void send(OutputStream out) throws IOException {
    String hostHeader = spec.host() == null ? host + ":" + port : spec.host();
    String request =
        "GET "
            + spec.path()
            + " HTTP/1.0\r\nHost: "
            + hostHeader
            + "\r\nUser-Agent: flynn-host-health\r\nConnection: close\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * The reply's head and, when {@code needBody}, up to {@link #BODY_LIMIT} bytes of its body: reads
   * until that much is there or the server closes, so a server that keeps the connection open does
   * not stall the probe.
   */
  private static byte[] read(InputStream in, boolean needBody) throws IOException {
    byte[] buf = new byte[HEAD_LIMIT + BODY_LIMIT];
    int len = 0;
    while (len < buf.length && !HttpReply.complete(buf, len, needBody)) {
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        break;
      }
      len += n;
    }
    return Arrays.copyOf(buf, len);
  }

  private String url() {
    return "http://" + host + ":" + port + spec.path();
  }
}
