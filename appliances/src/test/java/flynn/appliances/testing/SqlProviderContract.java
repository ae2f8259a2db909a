package flynn.appliances.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.provider.ProviderClient;
import flynn.api.provider.Provisioned;
import flynn.appliances.ProviderServer;
import flynn.appliances.ProviderServerConfig;
import flynn.appliances.Secrets;
import flynn.appliances.platform.ServerAddress;
import flynn.appliances.platform.Superuser;
import flynn.appliances.sql.DatabaseEnv;
import flynn.appliances.sql.SqlDialect;
import flynn.appliances.sql.SqlProvider;
import flynn.appliances.sql.SqlServer;
import java.nio.file.Path;
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
import org.junit.jupiter.api.TestInstance;

/**
 * A database provider over HTTP against this machine's server of its dialect, started by the
 * appliance's own start command (script and tuning) as an unprivileged user. A subclass names what
 * is particular to its server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SqlProviderContract {
  private static final String KEY = "test-key";

  private final SqlDialect dialect;
  private final SqlServer sql;
  private final Map<String, String> superuserEnv;
  private ScriptedServer server;
  private ProviderServer provider;
  private ProviderClient client;

  protected SqlProviderContract(SqlDialect dialect) {
    this.dialect = dialect;
    this.sql = new SqlServer(dialect);
    this.superuserEnv = dialect.superuserEnv(new Secrets());
  }

  /** The job's memory limit the server is tuned for. */
  protected abstract long memory();

  /** The env variable the start script takes its data dir from. */
  protected abstract String dataDirVariable();

  /** The env an app gets for resource {@code id}, in Flynn's names. */
  protected abstract Map<String, String> expectedEnv(String id, String password);

  /** A query for the names of every database on the server. */
  protected abstract String databaseNames();

  /** A query for the names of every user of the server. */
  protected abstract String userNames();

  @BeforeAll
  void start() throws Exception {
    List<String> command = dialect.serverArgs(memory());
    server =
        ScriptedServer.start(
            Path.of(command.getFirst()).getFileName().toString(),
            dataDirVariable(),
            superuserEnv,
            command.subList(1, command.size()));
    provider =
        ProviderServer.start(
            new ProviderServerConfig("127.0.0.1", 0, KEY),
            dialect.env().service(),
            SqlProvider.PATH,
            new SqlProvider(dialect, new RunningAppliance(this::superuser), new Secrets()));
    client = new ProviderClient("http://127.0.0.1:" + provider.port() + SqlProvider.PATH, KEY);
  }

  @AfterAll
  void stop() throws Exception {
    if (provider != null) {
      provider.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The superuser once the server lets it in, as the platform's appliance answers. */
  private Superuser superuser() {
    Superuser su = dialect.superuser(new ServerAddress("127.0.0.1", server.port()), superuserEnv);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> {
          assertThat(server.isAlive()).as(server.log()).isTrue();
          return sql.acceptsLogin(su);
        });
    return su;
  }

  @Test
  void aProvisionedDatabaseTakesItsOwnLoginAndNoOneElses() throws Exception {
    Provisioned first = client.provision(null);
    Provisioned second = client.provision(null);

    String password = first.env().get(names().passwordVar());
    assertThat(password).hasSizeGreaterThanOrEqualTo(16).matches("[0-9a-f]+");
    assertThat(first.env()).isEqualTo(expectedEnv(first.id(), password));

    Superuser firstUser = login(first, password);
    try (Connection c = sql.connect(firstUser, first.id());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE visits (n int)");
      s.execute("INSERT INTO visits VALUES (1)");
    }
    assertThat(sql.acceptsLogin(login(first, "wrong" + password), first.id()))
        .as("a wrong password is refused over TCP")
        .isFalse();
    Superuser secondUser = login(second, second.env().get(names().passwordVar()));
    assertThat(sql.acceptsLogin(secondUser, second.id())).isTrue();
    assertThat(sql.acceptsLogin(secondUser, first.id()))
        .as("another resource's user cannot use the first database")
        .isFalse();
  }

  @Test
  void deprovisionEndsSessionsAndDropsTheDatabaseAndTheUser() throws Exception {
    Provisioned resource = client.provision(null);
    Superuser user = login(resource, resource.env().get(names().passwordVar()));
    try (Connection open = sql.connect(user, resource.id())) {
      client.deprovision(resource.id());
      assertThat(open.isValid(5)).as("its session was ended").isFalse();
    }

    assertThat(sql.acceptsLogin(user, resource.id())).isFalse();
    assertThat(query(databaseNames())).doesNotContain(resource.id());
    assertThat(query(userNames())).doesNotContain(resource.id());
    client.deprovision(resource.id()); // a second time: already gone, no error
  }

  private DatabaseEnv names() {
    return dialect.env();
  }

  private Superuser login(Provisioned resource, String password) {
    return new Superuser(
        new ServerAddress("127.0.0.1", server.port()),
        resource.env().get(names().userVar()),
        password);
  }

  /** The first column of every row {@code sql} answers, run as the superuser. */
  protected List<String> query(String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = sql.connect(superuser(), null);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
