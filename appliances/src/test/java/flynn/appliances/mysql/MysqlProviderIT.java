package flynn.appliances.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.appliances.testing.SqlProviderContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mysql provider against Debian's MariaDB, tuned for 512 MB. */
class MysqlProviderIT extends SqlProviderContract {
  MysqlProviderIT() {
    super(new MariadbDialect());
  }

  @Override
  protected long memory() {
    return 512L << 20;
  }

  @Override
  protected String dataDirVariable() {
    return "MYSQL_DATADIR";
  }

  @Override
  protected Map<String, String> expectedEnv(String id, String password) {
    return Map.of(
        "FLYNN_MYSQL",
        "mysql",
        "MYSQL_HOST",
        "leader.mysql.discoverd",
        "MYSQL_PORT",
        "3306",
        "MYSQL_USER",
        id,
        "MYSQL_PWD",
        password,
        "MYSQL_DATABASE",
        id,
        "DATABASE_URL",
        "mysql://" + id + ":" + password + "@leader.mysql.discoverd:3306/" + id);
  }

  @Override
  protected String databaseNames() {
    return "SHOW DATABASES";
  }

  @Override
  protected String userNames() {
    return "SELECT user FROM mysql.user";
  }

  @Test
  void theServerRunsWithTheBufferPoolFromTheMemoryLimit() throws Exception {
    assertThat(query("SELECT @@innodb_buffer_pool_size")).containsExactly("268435456");
    assertThat(query("SELECT @@datadir").getFirst()).endsWith("/data/");
  }
}
