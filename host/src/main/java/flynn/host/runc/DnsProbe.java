package flynn.host.runc;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Asks an address for the root's NS records over UDP; true when a resolver answers NOERROR. */
final class DnsProbe {
  private static final int TIMEOUT_MILLIS = 500;
  private static final short QUERY_ID = 0x464c; // "FL"
  // after the id: flags (recursion desired), 1 question, no other records; then the root name,
  // type NS, class IN
  private static final byte[] QUESTION =
      HexFormat.of().parseHex("0100" + "0001" + "0000" + "0000" + "0000" + "00" + "0002" + "0001");

  private DnsProbe() {}

  static boolean answers(String address) {
    byte[] query =
        ByteBuffer.allocate(2 + QUESTION.length).putShort(QUERY_ID).put(QUESTION).array();
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.send(new DatagramPacket(query, query.length, InetAddress.getByName(address), 53));
      byte[] reply = new byte[512];
      DatagramPacket packet = new DatagramPacket(reply, reply.length);
      socket.receive(packet);
      return isAnswer(ByteBuffer.wrap(reply, 0, packet.getLength()));
    } catch (SocketTimeoutException e) {
      return false; // nothing listens, or a firewall drops the query
    } catch (IOException e) {
      return false; // unreachable or refused: no resolver there either
    }
  }

  static boolean isAnswer(ByteBuffer reply) {
    if (reply.remaining() < 4) {
      return false;
    }
    short id = reply.getShort();
    int flags = reply.getShort() & 0xffff;
    boolean isResponse = (flags & 0x8000) != 0;
    return id == QUERY_ID && isResponse && (flags & 0x000f) == 0;
  }
}
