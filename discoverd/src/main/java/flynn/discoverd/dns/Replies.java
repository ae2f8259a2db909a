package flynn.discoverd.dns;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Section;

/** The skeleton of a reply: the query's id, question and RD flag, with an rcode. */
final class Replies {
  /** The UDP payload size this server announces to clients that speak EDNS. */
  static final int EDNS_PAYLOAD = 1232;

  private Replies() {}

  static Message to(Message query, int rcode, boolean recursionAvailable) {
    Message reply = new Message(query.getHeader().getID());
    Header header = reply.getHeader();
    header.setFlag(Flags.QR);
    header.setOpcode(query.getHeader().getOpcode());
    if (query.getHeader().getFlag(Flags.RD)) {
      header.setFlag(Flags.RD);
    }
    if (recursionAvailable) {
      header.setFlag(Flags.RA);
    }
    header.setRcode(rcode);
    if (query.getQuestion() != null && query.getHeader().getOpcode() == Opcode.QUERY) {
      reply.addRecord(query.getQuestion(), Section.QUESTION);
    }
    if (query.getOPT() != null) {
      reply.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
    }
    return reply;
  }
}
