package flynn.appliances.mysql;

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
 * The mysql provider over HTTP against Debian's MariaDB started by the appliance's own start script
 * (tuned for 512 MB), as an unprivileged user.
 */
class MysqlProviderIT {
  private static final String KEY = "test-key";
  private static final String ROOT_PASSWORD = new Secrets().password();

  private static ScriptedServer server;
  private static ProviderServer provider;
  private static ProviderClient client;

  @BeforeAll
  static void start() throws Exception {
    server =
        ScriptedServer.start(
            "flynn-mariadb-start",
            "MYSQL_DATADIR",
            Map.of("MYSQL_PWD", ROOT_PASSWORD),
            new MariadbTuning(512L << 20).args());
    provider =
        ProviderServer.start(
            new ProviderServerConfig("127.0.0.1", 0, KEY),
            MysqlProvider.NAME,
            MysqlProvider.PATH,
            new MysqlProvider(new RunningAppliance(MysqlProviderIT::root), new Secrets()));
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

  private static Superuser root() {
    Superuser root =
        new Superuser(new ServerAddress("127.0.0.1", server.port()), "root", ROOT_PASSWORD);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> {
          assertThat(server.isAlive()).as(server.log()).isTrue();
          return MysqlServer.acceptsLogin(root);
        });
    return root;
  }

  @Test
  void aProvisionedDatabaseTakesItsOwnLoginAndNoOneElses() throws Exception {
    Provisioned first = client.provision(null);
    Provisioned second = client.provision(null);

    assertThat(first.env())
        .containsEntry("FLYNN_MYSQL", "mysql")
        .containsEntry("MYSQL_HOST", "leader.mysql.discoverd")
        .containsEntry("MYSQL_PORT", "3306")
        .containsEntry("MYSQL_USER", first.id())
        .containsEntry("MYSQL_DATABASE", first.id());
    assertThat(first.env().get("DATABASE_URL"))
        .isEqualTo(
            "mysql://"
                + first.id()
                + ":"
                + first.env().get("MYSQL_PWD")
                + "@leader.mysql.discoverd:3306/"
                + first.id());

    Superuser firstUser = login(first, first.env().get("MYSQL_PWD"));
    try (Connection c = MysqlServer.connect(firstUser, first.id());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE visits (n int)");
      s.execute("INSERT INTO visits VALUES (1)");
    }
    assertThat(MysqlServer.acceptsLogin(login(first, "wrong" + ROOT_PASSWORD), first.id()))
        .isFalse();
    Superuser secondUser = login(second, second.env().get("MYSQL_PWD"));
    assertThat(MysqlServer.acceptsLogin(secondUser, second.id())).isTrue();
    assertThat(MysqlServer.acceptsLogin(secondUser, first.id()))
        .as("another resource's user cannot use the first database")
        .isFalse();
  }

  @Test
  void deprovisionEndsSessionsAndDropsTheDatabaseAndTheUser() throws Exception {
    Provisioned resource = client.provision(null);
    Superuser user = login(resource, resource.env().get("MYSQL_PWD"));
    try (Connection open = MysqlServer.connect(user, resource.id())) {
      client.deprovision(resource.id());
      assertThat(open.isValid(5)).as("its session was ended").isFalse();
    }

    assertThat(MysqlServer.acceptsLogin(user, resource.id())).isFalse();
    assertThat(query("SHOW DATABASES")).doesNotContain(resource.id());
    assertThat(query("SELECT user FROM mysql.user")).doesNotContain(resource.id());
    client.deprovision(resource.id());
  }

  @Test
  void theServerRunsWithTheBufferPoolFromTheMemoryLimit() throws Exception {
    assertThat(query("SELECT @@innodb_buffer_pool_size")).containsExactly("268435456");
    assertThat(query("SELECT @@datadir").getFirst()).endsWith("/data/");
  }

  private static Superuser login(Provisioned resource, String password) {
    return new Superuser(
        new ServerAddress("127.0.0.1", server.port()), resource.env().get("MYSQL_USER"), password);
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = MysqlServer.connect(root(), null);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
