package flynn.gitreceive.smarthttp;

import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.jgit.transport.PacketLineOut;

/** The few pkt-lines this server writes itself: the smart HTTP header and {@code ERR}. */
final class PktLine {
  private PktLine() {}

  /** {@code # service=NAME} and a flush: the start of a smart HTTP ref advertisement. */
  static PacketLineOut serviceHeader(OutputStream out, GitService service) throws IOException {
    PacketLineOut pkt = new PacketLineOut(out);
    pkt.writeString("# service=" + service.name + "\n");
    pkt.end();
    return pkt;
  }

  /** An {@code ERR} line: git prints it as {@code remote error: MESSAGE} and stops. */
  static void error(PacketLineOut pkt, String message) throws IOException {
    pkt.writeString("ERR " + message + "\n");
    pkt.flush();
  }
}
