package flynn.appliances.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.appliances.testing.SqlProviderContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The postgres provider against Debian's PostgreSQL, tuned for 256 MB. */
class PostgresProviderIT extends SqlProviderContract {
  PostgresProviderIT() {
    super(new PostgresDialect());
  }

  @Override
  protected long memory() {
    return 256L << 20;
  }

  @Override
  protected String dataDirVariable() {
    return "PGDATA";
  }

  @Override
  protected Map<String, String> expectedEnv(String id, String password) {
    return Map.of(
        "FLYNN_POSTGRES",
        "postgres",
        "PGHOST",
        "leader.postgres.discoverd",
        "PGPORT",
        "5432",
        "PGDATABASE",
        id,
        "PGUSER",
        id,
        "PGPASSWORD",
        password,
        "DATABASE_URL",
        "postgres://" + id + ":" + password + "@leader.postgres.discoverd:5432/" + id);
  }

  @Override
  protected String databaseNames() {
    return "SELECT datname FROM pg_database";
  }

  @Override
  protected String userNames() {
    return "SELECT rolname FROM pg_roles";
  }

  @Test
  void theServerRunsWithTheTuningAndPasswordAuthentication() throws Exception {
    assertThat(query("SHOW shared_buffers")).containsExactly("64MB");
    assertThat(query("SHOW effective_cache_size")).containsExactly("192MB");
    assertThat(query("SHOW max_connections")).containsExactly("100");
    assertThat(query("SHOW password_encryption")).containsExactly("scram-sha-256");
  }
}
