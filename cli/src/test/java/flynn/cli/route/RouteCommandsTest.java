package flynn.cli.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.router.Certificate;
import flynn.api.router.Route;
import flynn.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

class RouteCommandsTest {
  private static final String ID = "5bfb9c8b-ae1f-4a5a-af0c-94fa2996d543";
  private static final OffsetDateTime T = OffsetDateTime.parse("2026-01-02T03:04:05Z");

  @TempDir Path dir;

  @Test
  void addHttpTakesDomainPathAndFlags() {
    RouteAddHttpCommand add =
        parse(
            RouteAddHttpCommand.class,
            "add",
            "http",
            "-s",
            "api",
            "--sticky",
            "--leader",
            "--no-drain-backends",
            "--disable-keep-alives",
            "--https-redirect",
            "example.com/v1/");

    Route r = add.request("demo");

    assertThat(r.type()).isEqualTo(Route.HTTP);
    assertThat(r.domain()).isEqualTo("example.com");
    assertThat(r.path()).isEqualTo("/v1/");
    assertThat(r.service()).isEqualTo("api");
    assertThat(r.isSticky()).isTrue();
    assertThat(r.leader()).isTrue();
    assertThat(r.drains()).isFalse();
    assertThat(r.keepsAlive()).isFalse();
    assertThat(r.redirectsToHttps()).isTrue();
    assertThat(r.certificate()).isNull();
  }

  @Test
  void addHttpDefaultsToTheAppsWebServiceWithDrainingAndKeepAlives() {
    Route r = parse(RouteAddHttpCommand.class, "add", "http", "example.com").request("demo");

    assertThat(r.service()).isEqualTo("demo-web");
    assertThat(r.path()).isNull();
    assertThat(r.drains()).isTrue();
    assertThat(r.keepsAlive()).isTrue();
    assertThat(r.isSticky()).isFalse();
    assertThat(r.redirectsToHttps()).isFalse();
  }

  @Test
  void addHttpReadsTheCertificateAndKeyFiles() throws Exception {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "CERT PEM");
    Path key = Files.writeString(dir.resolve("key.pem"), "KEY PEM");

    Route r =
        parse(
                RouteAddHttpCommand.class,
                "add",
                "http",
                "-c",
                cert.toString(),
                "-k",
                key.toString(),
                "example.com")
            .request("demo");

    assertThat(r.certificate().cert()).isEqualTo("CERT PEM");
    assertThat(r.certificate().key()).isEqualTo("KEY PEM");
  }

  @Test
  void aCertificateWithoutItsKeyOrAMissingFileIsAClearError() {
    var onlyCert = parse(RouteAddHttpCommand.class, "add", "http", "-c", "cert.pem", "a.com");
    var missing =
        parse(
            RouteAddHttpCommand.class,
            "add",
            "http",
            "-c",
            dir.resolve("no").toString(),
            "-k",
            dir.resolve("no").toString(),
            "a.com");

    assertThatThrownBy(() -> onlyCert.request("demo"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("both");
    assertThatThrownBy(() -> missing.request("demo"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("cannot read");
  }

  @Test
  void domainWithASchemeIsRefused() {
    var add = parse(RouteAddHttpCommand.class, "add", "http", "https://example.com");

    assertThatThrownBy(() -> add.request("demo")).hasMessageContaining("without a scheme");
  }

  @Test
  void addTcpTakesPortLeaderAndService() {
    Route r =
        parse(RouteAddTcpCommand.class, "add", "tcp", "-s", "db", "-p", "3005", "--leader")
            .request("demo");
    Route allocated = parse(RouteAddTcpCommand.class, "add", "tcp").request("demo");

    assertThat(r.type()).isEqualTo(Route.TCP);
    assertThat(r.port()).isEqualTo(3005);
    assertThat(r.leader()).isTrue();
    assertThat(r.service()).isEqualTo("db");
    assertThat(r.drains()).isTrue();
    assertThat(allocated.port()).isNull();
    assertThat(allocated.service()).isEqualTo("demo-web");
  }

  @Test
  void updateChangesOnlyWhatTheFlagsSay() {
    Route existing = http(true, false);

    Route changed =
        parse(RouteUpdateCommand.class, "update", "http/" + ID, "--no-sticky", "--leader")
            .changed(existing);

    assertThat(changed.isSticky()).isFalse();
    assertThat(changed.leader()).isTrue();
    assertThat(changed.service()).isEqualTo("demo-web");
    assertThat(changed.domain()).isEqualTo("example.com");
    assertThat(changed.path()).isEqualTo("/");
    assertThat(changed.keepsAlive()).isTrue();
    assertThat(changed.redirectsToHttps()).isFalse();
    assertThat(
            parse(RouteUpdateCommand.class, "update", "http/" + ID, "--https-redirect")
                .changed(existing)
                .redirectsToHttps())
        .isTrue();
    assertThat(changed.certificate()).as("null keeps the route's certificate").isNull();
  }

  @Test
  void updateRefusesContradictionsAndFlagsOfTheOtherType() {
    Route tcp = tcp();

    assertThatThrownBy(() ->
            parse(RouteUpdateCommand.class, "update", "http/" + ID, "--sticky", "--no-sticky")
                .changed(http(false, false)))
        .hasMessageContaining("choose one");
    assertThatThrownBy(
            () -> parse(RouteUpdateCommand.class, "update", "tcp/" + ID, "--sticky").changed(tcp))
        .hasMessageContaining("http routes");
    assertThatThrownBy(() ->
            parse(RouteUpdateCommand.class, "update", "http/" + ID, "-p", "3001")
                .changed(http(false, false)))
        .hasMessageContaining("tcp routes");
    assertThat(
            parse(RouteUpdateCommand.class, "update", "tcp/" + ID, "-p", "3001")
                .changed(tcp)
                .port())
        .isEqualTo(3001);
  }

  @Test
  void routeIdsMustBeTypeSlashId() {
    assertThat(RouteUpdateCommand.checkedId("tcp/" + ID)).isEqualTo("tcp/" + ID);
    for (String bad : List.of(ID, "udp/" + ID, "http/", "/" + ID)) {
      assertThatThrownBy(() -> RouteUpdateCommand.checkedId(bad))
          .isInstanceOf(CliException.class)
          .hasMessageContaining("<type>/<id>");
    }
  }

  @Test
  void listingIsFlynnsTable() {
    Route https =
        Route.http("example.com", "/", "demo-web")
            .withId(ID)
            .withTimes(T, T)
            .withCertificate(new Certificate("c1", null, "C", "K", T, T))
            .withSticky(true)
            .withDrainBackends(true)
            .withDisableKeepAlives(false);

    String table = RouteCommand.table(List.of(https, tcp()));

    assertThat(table)
        .isEqualTo(
            """
            ROUTE              SERVICE   ID                                         STICKY  LEADER  PATH
            https:example.com  demo-web  http/5bfb9c8b-ae1f-4a5a-af0c-94fa2996d543  true    false   /
            tcp:3000           demo-db   tcp/5bfb9c8b-ae1f-4a5a-af0c-94fa2996d543           true    \n\
            """);
  }

  private static Route http(boolean sticky, boolean leader) {
    return Route.http("example.com", "/", "demo-web")
        .withId(ID)
        .withParentRef("controller/apps/a")
        .withLeader(leader)
        .withTimes(T, T)
        .withSticky(sticky)
        .withDrainBackends(true)
        .withDisableKeepAlives(false);
  }

  private static Route tcp() {
    return Route.tcp(3000, "demo-db")
        .withId(ID)
        .withParentRef("controller/apps/a")
        .withLeader(true)
        .withTimes(T, T)
        .withDrainBackends(true);
  }

  /** Parses {@code args} with the real {@code flynn route} tree; the command they select. */
  private static <T> T parse(Class<T> type, String... args) {
    ParseResult result = RouteCommand.commandLine(null).parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return type.cast(result.commandSpec().userObject());
  }
}
