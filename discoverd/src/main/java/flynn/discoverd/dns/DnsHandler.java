package flynn.discoverd.dns;

import java.io.IOException;
import java.util.Optional;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;

/**
 * One query in, one reply out, as wire bytes: names under {@code discoverd.} are answered from the
 * registry, every other name is forwarded, and anything that is not a plain query gets the error it
 * deserves. A UDP reply is cut to what the client can receive (setting TC).
 */
public final class DnsHandler {
  private static final int HEADER_LENGTH = 12;
  private static final int CLASSIC_UDP_SIZE = 512;

  private final DnsAnswers answers;
  private final Forwarder forwarder;
  private final boolean recursionAvailable;

  public DnsHandler(DnsAnswers answers, Forwarder forwarder, boolean recursionAvailable) {
    this.answers = answers;
    this.forwarder = forwarder;
    this.recursionAvailable = recursionAvailable;
  }

  /** The reply's bytes; empty for bytes that deserve no reply (a reply, or less than a header). */
  public Optional<byte[]> handle(byte[] request, Transport transport) {
    Message query;
    try {
      query = new Message(request);
    } catch (IOException e) {
      return malformed(request);
    }
    Header header = query.getHeader();
    if (header.getFlag(Flags.QR)) {
      return Optional.empty();
    }
    if (header.getOpcode() != Opcode.QUERY) {
      return Optional.of(
          wire(Replies.to(query, Rcode.NOTIMP, recursionAvailable), query, transport));
    }
    if (query.getQuestion() == null) {
      return Optional.of(
          wire(Replies.to(query, Rcode.FORMERR, recursionAvailable), query, transport));
    }
    if (DnsAnswers.covers(query.getQuestion().getName())) {
      return Optional.of(wire(answers.answer(query, transport), query, transport));
    }
    return forwarder
        .forward(request, transport)
        .or(() ->
            Optional.of(
                wire(Replies.to(query, Rcode.SERVFAIL, recursionAvailable), query, transport)));
  }

  /** FORMERR with the id of a message that has a header but no readable body. */
  private static Optional<byte[]> malformed(byte[] request) {
    if (request.length < HEADER_LENGTH || (request[2] & 0x80) != 0) {
      return Optional.empty();
    }
    Message reply = new Message(((request[0] & 0xff) << 8) | (request[1] & 0xff));
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setRcode(Rcode.FORMERR);
    return Optional.of(reply.toWire());
  }

  private static byte[] wire(Message reply, Message query, Transport transport) {
    if (transport == Transport.TCP) {
      return reply.toWire();
    }
    int size = query.getOPT() == null ? CLASSIC_UDP_SIZE : query.getOPT().getPayloadSize();
    return reply.toWire(Math.max(CLASSIC_UDP_SIZE, size));
  }
}
