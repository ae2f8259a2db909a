package flynn.appliances.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.provider.ProviderClient;
import flynn.api.provider.Provisioned;
import flynn.appliances.ProviderServer;
import flynn.appliances.ProviderServerConfig;
import flynn.appliances.Secrets;
import flynn.appliances.platform.ServerAddress;
import flynn.appliances.platform.Superuser;
import flynn.appliances.testing.RunningAppliance;
import flynn.appliances.testing.ScriptedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The postgres provider over HTTP against Debian's PostgreSQL started by the appliance's own start
 * script (tuned for 256 MB), as an unprivileged user.
 */
class PostgresProviderIT {
  private static final String KEY = "test-key";
  private static final String SUPERUSER_PASSWORD = new Secrets().password();

  private static ScriptedServer server;
  private static ProviderServer provider;
  private static ProviderClient client;

  @BeforeAll
  static void start() throws Exception {
    server =
        ScriptedServer.start(
            "flynn-postgres-start",
            "PGDATA",
            Map.of("PGUSER", "flynn", "PGPASSWORD", SUPERUSER_PASSWORD),
            new PostgresTuning(256L << 20).args());
    provider =
        ProviderServer.start(
            new ProviderServerConfig("127.0.0.1", 0, KEY),
            PostgresProvider.NAME,
            PostgresProvider.PATH,
            new PostgresProvider(
                new RunningAppliance(PostgresProviderIT::superuser), new Secrets()));
    client = new ProviderClient("http://127.0.0.1:" + provider.port() + "/databases", KEY);
  }

  @AfterAll
  static void stop() throws Exception {
    if (provider != null) {
      provider.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The superuser once the server lets it in, as the platform's appliance answers. */
  private static Superuser superuser() {
    Superuser su =
        new Superuser(new ServerAddress("127.0.0.1", server.port()), "flynn", SUPERUSER_PASSWORD);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> {
          assertThat(server.isAlive()).as(server.log()).isTrue();
          return PostgresServer.acceptsLogin(su);
        });
    return su;
  }

  @Test
  void aProvisionedDatabaseTakesItsOwnLoginAndNoOneElses() throws Exception {
    Provisioned first = client.provision(null);
    Provisioned second = client.provision(null);

    assertThat(first.env())
        .containsEntry("FLYNN_POSTGRES", "postgres")
        .containsEntry("PGHOST", "leader.postgres.discoverd")
        .containsEntry("PGPORT", "5432")
        .containsEntry("PGDATABASE", first.id())
        .containsEntry("PGUSER", first.id());
    assertThat(first.env().get("PGPASSWORD")).hasSizeGreaterThanOrEqualTo(16).matches("[0-9a-f]+");
    assertThat(first.env().get("DATABASE_URL"))
        .isEqualTo(
            "postgres://"
                + first.id()
                + ":"
                + first.env().get("PGPASSWORD")
                + "@leader.postgres.discoverd:5432/"
                + first.id());

    Superuser firstUser = login(first, first.env().get("PGPASSWORD"));
    try (Connection c = PostgresServer.connect(firstUser, first.id());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE visits (n int)");
      s.execute("INSERT INTO visits VALUES (1)");
    }
    assertThat(PostgresServer.acceptsLogin(login(first, "wrong" + SUPERUSER_PASSWORD), first.id()))
        .as("a wrong password is refused over TCP")
        .isFalse();
    Superuser secondUser = login(second, second.env().get("PGPASSWORD"));
    assertThat(PostgresServer.acceptsLogin(secondUser, second.id())).isTrue();
    assertThat(PostgresServer.acceptsLogin(secondUser, first.id()))
        .as("another resource's user cannot connect to the first database")
        .isFalse();
  }

  @Test
  void deprovisionEndsSessionsAndDropsTheDatabaseAndTheUser() throws Exception {
    Provisioned resource = client.provision(null);
    Superuser user = login(resource, resource.env().get("PGPASSWORD"));
    try (Connection open = PostgresServer.connect(user, resource.id())) {
      client.deprovision(resource.id());
      assertThat(open.isValid(5)).as("its session was ended").isFalse();
    }

    assertThat(PostgresServer.acceptsLogin(user, resource.id())).isFalse();
    assertThat(query("SELECT datname FROM pg_database")).doesNotContain(resource.id());
    assertThat(query("SELECT rolname FROM pg_roles")).doesNotContain(resource.id());
    client.deprovision(resource.id()); // a second time: already gone, no error
  }

  @Test
  void theServerRunsWithTheTuningAndPasswordAuthentication() throws Exception {
    assertThat(query("SHOW shared_buffers")).containsExactly("64MB");
    assertThat(query("SHOW effective_cache_size")).containsExactly("192MB");
    assertThat(query("SHOW max_connections")).containsExactly("100");
    assertThat(query("SHOW password_encryption")).containsExactly("scram-sha-256");
  }

  private static Superuser login(Provisioned resource, String password) {
    return new Superuser(
        new ServerAddress("127.0.0.1", server.port()), resource.env().get("PGUSER"), password);
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = PostgresServer.connect(superuser(), "postgres");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
