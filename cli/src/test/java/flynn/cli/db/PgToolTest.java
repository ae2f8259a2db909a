package flynn.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.cli.CliException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgToolTest {
  private static final Map<String, String> ENV =
      Map.of(
          "FLYNN_POSTGRES", "postgres",
          "PGHOST", "leader.postgres.discoverd",
          "PGPORT", "5432",
          "PGUSER", "u1",
          "PGPASSWORD", "secret",
          "PGDATABASE", "db1",
          "DATABASE_URL", "postgres://u1:secret@leader.postgres.discoverd:5432/db1");
  private static final Map<String, String> CONNECTION =
      Map.of(
          "PGHOST", "leader.postgres.discoverd",
          "PGPORT", "5432",
          "PGUSER", "u1",
          "PGPASSWORD", "secret",
          "PGDATABASE", "db1");

  private final PgTool pg = new PgTool();

  @Test
  void psqlTakesTheUsersArgumentsAndReachesTheDatabaseThroughLibpqVariables() {
    DbJob job = pg.console(env(ENV), List.of("-c", "select 1"));

    assertThat(job.args()).containsExactly("psql", "-c", "select 1");
    assertThat(job.env()).containsAllEntriesOf(CONNECTION).containsKeys("PAGER", "LESS");
    assertThat(job.env()).doesNotContainKeys("DATABASE_URL", "FLYNN_POSTGRES");
  }

  @Test
  void dumpIsACustomFormatDumpWithoutOwnersOrGrants() {
    DbJob job = pg.dump(env(ENV));

    assertThat(job.args()).containsExactly("pg_dump", "--format=custom", "--no-owner", "--no-acl");
    assertThat(job.env()).isEqualTo(CONNECTION);
  }

  @Test
  void restoreCleansTheAppsDatabaseAndReadsStdin() {
    DbJob job = pg.restore(env(ENV));

    assertThat(job.args())
        .containsExactly(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl", "-d", "db1");
    assertThat(job.env()).isEqualTo(CONNECTION);
  }

  @Test
  void parallelRestoreCopiesStdinToAFileForItsWorkers() {
    DbJob job = pg.restore(env(ENV), 4);

    assertThat(job.args()).hasSize(6).startsWith("sh", "-c").endsWith("4");
    assertThat(job.args().get(2))
        .startsWith("cat > \"$1\" && exec pg_restore --clean --if-exists --no-owner --no-acl")
        .contains("--jobs \"$2\" -d \"$PGDATABASE\" \"$1\"");
  }

  @Test
  void portDefaultsToPostgresOwnWhenTheEnvLacksIt() {
    Map<String, String> noPort = new HashMap<>(ENV);
    noPort.remove("PGPORT");

    assertThat(pg.dump(env(noPort)).env()).containsEntry("PGPORT", "5432");
  }

  @Test
  void aResourceWithoutItsPasswordIsAClearError() {
    Map<String, String> noPassword = new HashMap<>(ENV);
    noPassword.remove("PGPASSWORD");

    assertThatThrownBy(() -> pg.dump(env(noPassword)))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("postgres database has no PGPASSWORD");
  }

  @Test
  void restoreThatSkippedErrorsCountsAsFinished() {
    assertThat(pg.restoreFinished(0)).isTrue();
    assertThat(pg.restoreFinished(1)).isTrue();
    assertThat(pg.restoreFinished(2)).isFalse();
  }

  private static ResourceEnv env(Map<String, String> vars) {
    return new ResourceEnv(Appliance.POSTGRES, vars);
  }
}
