package flynn.discoverd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/**
 * Test fixture: a resolver on loopback (UDP and TCP on one port) that answers every A query with
 * {@link #ADDRESS}, and remembers the names it was asked, standing in for the host's upstream.
 */
final class FakeUpstream implements AutoCloseable {
  static final String ADDRESS = "192.0.2.53";

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final List<String> asked = new CopyOnWriteArrayList<>();

  FakeUpstream() throws IOException {
    Sockets sockets = bindOnePort();
    udp = sockets.udp();
    tcp = sockets.tcp();
    Thread.ofVirtual().name("fake-upstream-udp").start(this::serveUdp);
    Thread.ofVirtual().name("fake-upstream-tcp").start(this::serveTcp);
  }

  private record Sockets(DatagramSocket udp, ServerSocket tcp) {}

  /** UDP and TCP on one free port; a free UDP port may be some socket's TCP port: try another. */
  private static Sockets bindOnePort() throws IOException {
    for (int attempt = 1; ; attempt++) {
      DatagramSocket udp =
          new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try {
        return new Sockets(
            udp, new ServerSocket(udp.getLocalPort(), 8, InetAddress.getLoopbackAddress()));
      } catch (BindException e) {
        udp.close();
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  InetSocketAddress address() {
    return (InetSocketAddress) udp.getLocalSocketAddress();
  }

  List<String> asked() {
    return List.copyOf(asked);
  }

  private void serveUdp() {
    byte[] buffer = new byte[4096];
    while (!udp.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        udp.receive(packet);
        byte[] reply = answer(java.util.Arrays.copyOf(buffer, packet.getLength()));
        udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serveTcp() {
    while (!tcp.isClosed()) {
      try (Socket socket = tcp.accept()) {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] query = new byte[in.readUnsignedShort()];
        in.readFully(query);
        byte[] reply = answer(query);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeShort(reply.length);
        out.write(reply);
      } catch (IOException e) {
        if (tcp.isClosed()) {
          return;
        }
      }
    }
  }

  private byte[] answer(byte[] wire) throws IOException {
    Message query = new Message(wire);
    asked.add(query.getQuestion().getName().toString());
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.RA);
    reply.addRecord(query.getQuestion(), Section.QUESTION);
    reply.addRecord(
        new ARecord(query.getQuestion().getName(), DClass.IN, 60, InetAddress.getByName(ADDRESS)),
        Section.ANSWER);
    return reply.toWire();
  }

  @Override
  public void close() throws IOException {
    udp.close();
    tcp.close();
  }
}
