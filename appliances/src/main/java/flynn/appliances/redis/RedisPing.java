package flynn.appliances.redis;

import flynn.appliances.platform.ServerAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code AUTH} then {@code PING} in Redis' protocol: whether the server lets that password in. */
public final class RedisPing {
  private static final Logger LOG = LoggerFactory.getLogger(RedisPing.class);
  private static final int TIMEOUT_MILLIS = 5000;

  private RedisPing() {}

  public static boolean accepts(ServerAddress address, String password) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.host(), address.port()), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(command("AUTH", password));
      out.write(command("PING"));
      out.flush();
      var in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String auth = in.readLine();
      String ping = in.readLine();
      return "+OK".equals(auth) && "+PONG".equals(ping);
    } catch (IOException e) {
      LOG.debug("addr={} event=ping-failed error=\"{}\"", address, e.getMessage());
      return false;
    }
  }

  /** A command as a RESP array of bulk strings. */
  static byte[] command(String... words) {
    StringBuilder b = new StringBuilder("*").append(words.length).append("\r\n");
    for (String w : words) {
      byte[] bytes = w.getBytes(StandardCharsets.UTF_8);
      b.append('$').append(bytes.length).append("\r\n").append(w).append("\r\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
