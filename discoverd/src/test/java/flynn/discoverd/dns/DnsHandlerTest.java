package flynn.discoverd.dns;

import static flynn.discoverd.dns.DnsAnswersTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class DnsHandlerTest {
  final List<Transport> forwarded = new ArrayList<>();
  final byte[] upstreamReply = query("example.org.", Type.A).toWire();

  DnsHandler handler(Forwarder forwarder) {
    DnsAnswers answers =
        new DnsAnswers(s -> Optional.empty(), new Random(1), Clock.systemUTC(), true);
    return new DnsHandler(answers, forwarder, true);
  }

  @Test
  void namesOutsideTheDomainGoToTheForwarderOverTheSameTransport() {
    DnsHandler handler =
        handler((q, transport) -> {
          forwarded.add(transport);
          return Optional.of(upstreamReply);
        });

    byte[] reply =
        handler.handle(query("example.org.", Type.A).toWire(), Transport.TCP).orElseThrow();

    assertThat(reply).isEqualTo(upstreamReply);
    assertThat(forwarded).containsExactly(Transport.TCP);
  }

  @Test
  void discoverdNamesAreNeverForwarded() throws Exception {
    DnsHandler handler =
        handler((q, transport) -> {
          forwarded.add(transport);
          return Optional.of(upstreamReply);
        });

    byte[] reply =
        handler.handle(query("web.discoverd.", Type.A).toWire(), Transport.UDP).orElseThrow();

    assertThat(new Message(reply).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(forwarded).isEmpty();
  }

  @Test
  void noUpstreamAnswerIsServfail() throws Exception {
    Message query = query("example.org.", Type.A);

    byte[] reply = handler(Forwarder.NONE).handle(query.toWire(), Transport.UDP).orElseThrow();

    Message parsed = new Message(reply);
    assertThat(parsed.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(parsed.getHeader().getID()).isEqualTo(query.getHeader().getID());
  }

  @Test
  void otherOpcodesAreNotImplemented() throws Exception {
    Message notify = query("web.discoverd.", Type.SOA);
    notify.getHeader().setOpcode(Opcode.NOTIFY);

    byte[] reply = handler(Forwarder.NONE).handle(notify.toWire(), Transport.UDP).orElseThrow();

    assertThat(new Message(reply).getRcode()).isEqualTo(Rcode.NOTIMP);
  }

  @Test
  void garbageWithAHeaderGetsFormerrAndShorterGarbageNothing() throws Exception {
    byte[] garbage = {0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'x'};

    byte[] reply = handler(Forwarder.NONE).handle(garbage, Transport.UDP).orElseThrow();

    Message parsed = new Message(reply);
    assertThat(parsed.getRcode()).isEqualTo(Rcode.FORMERR);
    assertThat(parsed.getHeader().getID()).isEqualTo(0x1234);
    assertThat(handler(Forwarder.NONE).handle(new byte[] {1, 2, 3}, Transport.UDP)).isEmpty();
  }
}
