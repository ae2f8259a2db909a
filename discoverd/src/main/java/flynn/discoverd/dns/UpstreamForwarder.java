package flynn.discoverd.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards queries verbatim to the host's resolvers, one after the other, each with a timeout; the
 * first reply with the query's id wins. The client's EDNS size and flags reach the resolver as
 * sent, so a UDP reply fits the client, and a truncated one makes it retry over TCP.
 */
final class UpstreamForwarder implements Forwarder {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamForwarder.class);
  private static final int MAX_MESSAGE = 65_535;

  private final List<InetSocketAddress> upstreams;
  private final int timeoutMillis;

  UpstreamForwarder(List<InetSocketAddress> upstreams, Duration timeout) {
    this.upstreams = List.copyOf(upstreams);
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
  }

  @Override
  public Optional<byte[]> forward(byte[] query, Transport transport) {
    for (InetSocketAddress upstream : upstreams) {
      try {
        return Optional.of(
            transport == Transport.UDP ? udp(upstream, query) : tcp(upstream, query));
      } catch (IOException e) {
        LOG.debug(
            "upstream={} transport={} event=dns-forward-failed error=\"{}\"",
            upstream,
            transport,
            e.toString());
      }
    }
    return Optional.empty();
  }

  private byte[] udp(InetSocketAddress upstream, byte[] query) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(upstream);
      socket.send(new DatagramPacket(query, query.length));
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
      byte[] buffer = new byte[MAX_MESSAGE];
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          throw new SocketTimeoutException("no reply within " + timeoutMillis + " ms");
        }
        socket.setSoTimeout((int) left);
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        byte[] reply = Arrays.copyOf(buffer, packet.getLength());
        if (sameId(query, reply)) {
          return reply;
        }
      }
    }
  }

  private byte[] tcp(InetSocketAddress upstream, byte[] query) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(upstream, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeShort(query.length);
      out.write(query);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] reply = new byte[in.readUnsignedShort()];
      in.readFully(reply);
      if (!sameId(query, reply)) {
        throw new IOException("the reply's id does not match the query's");
      }
      return reply;
    }
  }

  private static boolean sameId(byte[] query, byte[] reply) {
    return reply.length >= 12 && reply[0] == query[0] && reply[1] == query[1];
  }
}
