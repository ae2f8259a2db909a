package flynn.discoverd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Instance;
import flynn.discoverd.dns.DnsConfig;
import flynn.discoverd.dns.DnsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** discoverd's DNS on loopback over a real registry, forwarding to a resolver the test runs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiscoverdDnsIT {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final Instance OLDEST = Instance.of("tcp", "127.0.0.2:5432", Map.of());
  static final Instance NEXT = Instance.of("tcp", "127.0.0.3:5433", Map.of());

  @TempDir Path dir;
  Cluster cluster;
  FakeUpstream upstream;
  DiscoverdClient client;
  InetSocketAddress dns;

  @BeforeEach
  void start() throws IOException {
    cluster = new Cluster(dir);
    upstream = cluster.track(new FakeUpstream());
    DiscoverdServer discoverd = cluster.discoverd(0, Duration.ofMinutes(10));
    client = new DiscoverdClient(discoverd.url());
    DnsServer server =
        cluster.track(
            discoverd.serveDns(
                new DnsConfig("127.0.0.1", 0, List.of(upstream.address()), Duration.ofSeconds(2))));
    dns = server.address();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void leaderNameResolvesToTheOldestInstanceAndMovesWhenItLeaves() {
    client.addService("pg");
    client.register("pg", OLDEST);
    client.register("pg", NEXT);

    await()
        .atMost(WAIT)
        .until(() -> addresses("leader.pg.discoverd.", false), List.of("127.0.0.2")::equals);

    client.deregister("pg", OLDEST.id());

    await()
        .atMost(WAIT)
        .until(() -> addresses("leader.pg.discoverd.", true), List.of("127.0.0.3")::equals);
  }

  @Test
  void serviceNameResolvesToEveryInstanceAndSrvGivesPortsWithTargets() throws Exception {
    client.addService("pg");
    client.register("pg", OLDEST);
    client.register("pg", NEXT);
    await().atMost(WAIT).until(() -> addresses("pg.discoverd.", false).size() == 2);

    assertThat(addresses("pg.discoverd.", false))
        .containsExactlyInAnyOrder("127.0.0.2", "127.0.0.3");
    Message srv = ask("_pg._tcp.discoverd.", Type.SRV, true);
    assertThat(srv.getSection(Section.ANSWER))
        .map(r -> ((SRVRecord) r).getPort())
        .containsExactlyInAnyOrder(5432, 5433);
    Name target = ((SRVRecord) srv.getSection(Section.ANSWER).getFirst()).getTarget();
    assertThat(ask(target.toString(), Type.A, false).getSection(Section.ANSWER)).hasSize(1);
    assertThat(upstream.asked()).isEmpty();
  }

  @Test
  void unknownServiceIsNxdomainAndAKnownEmptyOneIsAnEmptyAnswer() throws Exception {
    client.addService("empty");
    await()
        .atMost(WAIT)
        .until(() -> ask("empty.discoverd.", Type.A, false).getRcode() == Rcode.NOERROR);

    Message empty = ask("empty.discoverd.", Type.A, false);
    assertThat(empty.getSection(Section.ANSWER)).isEmpty();
    assertThat(ask("nosuch.discoverd.", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(ask("leader.nosuch.discoverd.", Type.A, true).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void otherNamesAreForwardedToTheUpstreamOverUdpAndTcp() throws Exception {
    assertThat(addresses("example.test.", false)).containsExactly(FakeUpstream.ADDRESS);
    assertThat(addresses("tcp.example.test.", true)).containsExactly(FakeUpstream.ADDRESS);
    assertThat(upstream.asked()).containsExactly("example.test.", "tcp.example.test.");
  }

  @Test
  void aForwardedNameFailsWithServfailWhenTheUpstreamIsGone() throws Exception {
    upstream.close();

    assertThat(ask("example.test.", Type.A, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
  }

  private List<String> addresses(String name, boolean tcp) throws IOException {
    return ask(name, Type.A, tcp).getSection(Section.ANSWER).stream()
        .map(org.xbill.DNS.Record::rdataToString)
        .toList();
  }

  private Message ask(String name, int type, boolean tcp) throws IOException {
    SimpleResolver resolver = new SimpleResolver(dns);
    resolver.setTCP(tcp);
    resolver.setTimeout(Duration.ofSeconds(5));
    return resolver.send(
        Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(name), type, DClass.IN)));
  }
}
