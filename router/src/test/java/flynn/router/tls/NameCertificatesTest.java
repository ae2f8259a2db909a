package flynn.router.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameCertificatesTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} under {1}: {2}")
  @CsvSource({
    "demo.localhost, localhost, true",
    "Demo.LOCALHOST, localhost, true",
    "a.b.localhost, localhost, false",
    "localhost, localhost, false",
    "demo.example.org, localhost, false",
    "-bad.localhost, localhost, false",
    "../x.localhost, localhost, false",
    "api.flynn.test, flynn.test, true",
  })
  void onlyOneLabelDirectlyUnderTheClusterDomainIsIssuable(
      String name, String domain, boolean issuable) {
    assertThat(NameCertificates.issuable(name, domain)).isEqualTo(issuable);
  }

  @Test
  void nameGetsItsOwnCertificateFromTheClusterCaKeptPrivatelyOnDiskAndReused() throws Exception {
    ClusterCa cluster = ClusterCa.loadOrCreate(dir.resolve("tls"), "localhost");
    Path names = dir.resolve("names");

    try (var first = new NameCertificates(cluster.authority(), "localhost", names, 8, clock())) {
      assertThat(first.forName("demo.localhost").get().isServer()).isTrue();
    }
    Path file = names.resolve("demo.localhost.pem");
    String stored = Files.readString(file);
    var leaf = Pem.certificates(stored).getFirst();
    try (var second = new NameCertificates(cluster.authority(), "localhost", names, 8, clock())) {
      second.forName("demo.localhost").get();
    }

    assertThat(Renewal.dnsNames(leaf)).containsExactly("demo.localhost");
    leaf.verify(cluster.authority().certificate().getPublicKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).as("reused, not issued again").isEqualTo(stored);
  }

  @Test
  void storedCertificatesAreBounded() throws Exception {
    ClusterCa cluster = ClusterCa.loadOrCreate(dir.resolve("tls"), "localhost");
    Path names = dir.resolve("names");

    try (var certs = new NameCertificates(cluster.authority(), "localhost", names, 2, clock())) {
      for (String name : new String[] {"a.localhost", "b.localhost", "c.localhost"}) {
        certs.forName(name).get();
      }
    }

    try (Stream<Path> files = Files.list(names)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void certificateNearItsEndIsIssuedAgain() throws Exception {
    ClusterCa cluster = ClusterCa.loadOrCreate(dir.resolve("tls"), "localhost");
    var clock = new MovableClock(Instant.now());

    try (var certs =
        new NameCertificates(cluster.authority(), "localhost", dir.resolve("names"), 8, clock)) {
      SslContext first = certs.forName("demo.localhost").get();
      SslContext again = certs.forName("demo.localhost").get();
      clock.now = clock.now.plus(NameCertificates.VALIDITY.minus(Renewal.MARGIN));
      SslContext renewed = certs.forName("demo.localhost").get();

      assertThat(again).isSameAs(first);
      assertThat(renewed).isNotSameAs(first);
    }
  }

  /** A clock tests move by hand. */
  private static final class MovableClock extends Clock {
    Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }
}
