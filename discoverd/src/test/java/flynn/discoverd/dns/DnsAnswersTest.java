package flynn.discoverd.dns;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.discoverd.Instance;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class DnsAnswersTest {
  static final Instance PG_LEADER = instance("tcp", "100.100.0.7:5432", 1);
  static final Instance PG_STANDBY = instance("tcp", "100.100.0.8:5432", 2);
  static final Map<String, List<Instance>> REGISTRY =
      Map.of(
          "postgres", List.of(PG_LEADER, PG_STANDBY),
          "empty", List.of(),
          "web",
              List.of(
                  instance("tcp", "100.100.0.11:8080", 1),
                  instance("tcp", "100.100.0.11:8081", 2),
                  instance("udp", "100.100.0.12:9000", 3),
                  instance("tcp", "100.100.0.13:8080", 4),
                  instance("tcp", "100.100.0.14:8080", 5),
                  instance("tcp", "[fd00::5]:8080", 6)));

  final DnsAnswers answers =
      new DnsAnswers(
          service -> Optional.ofNullable(REGISTRY.get(service)),
          new Random(7),
          Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC),
          true);

  @Test
  void leaderNameGivesTheOldestInstanceWithAShortTtl() {
    Message reply = ask("leader.postgres.discoverd.", Type.A, Transport.UDP);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(texts(reply, Section.ANSWER)).containsExactly("100.100.0.7");
    assertThat(reply.getSection(Section.ANSWER).getFirst().getTTL())
        .isEqualTo(DnsAnswers.LEADER_TTL);
  }

  @Test
  void serviceNameGivesEveryInstanceAddressOnceIgnoringCase() {
    Message reply = ask("Postgres.DISCOVERD.", Type.A, Transport.UDP);

    assertThat(texts(reply, Section.ANSWER))
        .containsExactlyInAnyOrder("100.100.0.7", "100.100.0.8");
    assertThat(reply.getSection(Section.ANSWER).getFirst().getTTL())
        .isEqualTo(DnsAnswers.INSTANCE_TTL);
  }

  @Test
  void udpAnswersCarryAtMostThreeAddressesAndTcpAnswersAll() {
    assertThat(ask("web.discoverd.", Type.A, Transport.UDP).getSection(Section.ANSWER)).hasSize(3);
    assertThat(texts(ask("web.discoverd.", Type.A, Transport.TCP), Section.ANSWER))
        .containsExactlyInAnyOrder("100.100.0.11", "100.100.0.12", "100.100.0.13", "100.100.0.14");
  }

  @Test
  void aaaaQueriesGetOnlyIpv6Instances() {
    assertThat(texts(ask("web.discoverd.", Type.AAAA, Transport.TCP), Section.ANSWER))
        .containsExactly("fd00:0:0:0:0:0:0:5");
    assertThat(ask("postgres.discoverd.", Type.AAAA, Transport.TCP).getSection(Section.ANSWER))
        .isEmpty();
  }

  @Test
  void srvNameGivesPortsOfThatProtocolPointingAtInstanceNamesWithAddressesOverTcp() {
    Message reply = ask("_web._udp.discoverd.", Type.SRV, Transport.TCP);

    Instance udp = REGISTRY.get("web").get(2);
    SRVRecord srv = (SRVRecord) reply.getSection(Section.ANSWER).getFirst();
    assertThat(reply.getSection(Section.ANSWER)).hasSize(1);
    assertThat(srv.getPort()).isEqualTo(9000);
    assertThat(srv.getTarget()).isEqualTo(name(udp.id() + ".web._i.discoverd."));
    assertThat(reply.getSection(Section.ADDITIONAL))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.getName()).isEqualTo(srv.getTarget());
          assertThat(r.rdataToString()).isEqualTo("100.100.0.12");
        });
  }

  @Test
  void srvRecordsKeepEveryPortOfOneAddress() {
    Message reply = ask("_web._tcp.discoverd.", Type.SRV, Transport.TCP);

    assertThat(reply.getSection(Section.ANSWER))
        .map(r -> ((SRVRecord) r).getPort())
        .containsExactlyInAnyOrder(8080, 8081, 8080, 8080, 8080);
  }

  @Test
  void anSrvTargetResolvesToItsInstance() {
    Message reply = ask(PG_STANDBY.id() + ".postgres._i.discoverd.", Type.A, Transport.UDP);

    assertThat(texts(reply, Section.ANSWER)).containsExactly("100.100.0.8");
  }

  @Test
  void unknownServiceOrInstanceOrShapeIsNxdomainWithTheSoa() {
    for (String unknown :
        List.of(
            "nosuch.discoverd.",
            "leader.nosuch.discoverd.",
            "ffff.postgres._i.discoverd.",
            "a.b.c.d.discoverd.")) {
      Message reply = ask(unknown, Type.A, Transport.UDP);
      assertThat(reply.getRcode()).as(unknown).isEqualTo(Rcode.NXDOMAIN);
      assertThat(reply.getSection(Section.AUTHORITY))
          .as(unknown)
          .singleElement()
          .satisfies(r -> assertThat(r.getType()).isEqualTo(Type.SOA));
    }
  }

  @Test
  void knownServiceWithoutInstancesIsAnEmptyAnswerNotNxdomain() {
    for (String name : List.of("empty.discoverd.", "leader.empty.discoverd.")) {
      Message reply = ask(name, Type.A, Transport.UDP);
      assertThat(reply.getRcode()).as(name).isEqualTo(Rcode.NOERROR);
      assertThat(reply.getSection(Section.ANSWER)).as(name).isEmpty();
      assertThat(reply.getSection(Section.AUTHORITY)).as(name).hasSize(1);
    }
  }

  @Test
  void soaQueryOfAKnownServiceGetsTheSoaAsAnswer() {
    Message reply = ask("postgres.discoverd.", Type.SOA, Transport.UDP);

    assertThat(reply.getSection(Section.ANSWER))
        .singleElement()
        .satisfies(r -> assertThat(r.getName()).isEqualTo(DnsAnswers.DOMAIN));
  }

  @Test
  void otherRecordTypesOfAKnownServiceAreEmpty() {
    Message reply = ask("postgres.discoverd.", Type.TXT, Transport.UDP);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  void replyKeepsTheQueryIdAndQuestion() {
    Message query = query("leader.postgres.discoverd.", Type.A);

    Message reply = answers.answer(query, Transport.UDP);

    assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
    assertThat(reply.getQuestion()).isEqualTo(query.getQuestion());
    assertThat(reply.getHeader().getFlag(Flags.QR)).isTrue();
    assertThat(reply.getHeader().getFlag(Flags.RA)).isTrue();
  }

  private Message ask(String name, int type, Transport transport) {
    return answers.answer(query(name, type), transport);
  }

  static Message query(String name, int type) {
    return Message.newQuery(org.xbill.DNS.Record.newRecord(name(name), type, DClass.IN));
  }

  static Name name(String text) {
    return Name.fromConstantString(text);
  }

  private static List<String> texts(Message reply, int section) {
    return reply.getSection(section).stream().map(org.xbill.DNS.Record::rdataToString).toList();
  }

  static Instance instance(String proto, String addr, long index) {
    return new Instance(Instance.idFor(proto, addr), addr, proto, Map.of(), index);
  }
}
