package flynn.host.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Passes when {@code host:port} accepts a TCP connection within the timeout. */
record TcpProbe(String host, int port, Duration timeout) implements Probe {
  @Override
  public ProbeResult probe() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return ProbeResult.pass();
    } catch (IOException e) {
      return ProbeResult.fail("tcp " + host + ":" + port + ": " + Reasons.of(e));
    }
  }
}
