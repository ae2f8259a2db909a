package flynn.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MysqlToolTest {
  private static final ResourceEnv ENV =
      new ResourceEnv(
          Appliance.MYSQL,
          Map.of(
              "FLYNN_MYSQL", "mysql",
              "MYSQL_HOST", "leader.mysql.discoverd",
              "MYSQL_PORT", "3306",
              "MYSQL_USER", "u1",
              "MYSQL_PWD", "secret",
              "MYSQL_DATABASE", "db1"));
  private static final List<String> SERVER =
      List.of("-h", "leader.mysql.discoverd", "-P", "3306", "-u", "u1");

  private final MysqlTool mysql = new MysqlTool();

  @Test
  void consoleUsesTheAppsDatabaseAndTheUsersArguments() {
    DbJob job = mysql.console(ENV, List.of("-e", "SHOW TABLES"));

    assertThat(job.args())
        .startsWith("mysql")
        .containsSubsequence(SERVER)
        .endsWith("-D", "db1", "-e", "SHOW TABLES");
    assertThat(job.env()).containsEntry("MYSQL_PWD", "secret").containsKey("PAGER");
  }

  @Test
  void dumpIsConsistentAndKeepsRoutines() {
    DbJob job = mysql.dump(ENV);

    assertThat(job.args())
        .startsWith("mysqldump", "--single-transaction", "--routines")
        .containsSubsequence(SERVER)
        .endsWith("db1");
    assertThat(job.env()).isEqualTo(Map.of("MYSQL_PWD", "secret"));
  }

  @Test
  void restoreIsTheClientReadingStdin() {
    DbJob job = mysql.restore(ENV);

    assertThat(job.args()).startsWith("mysql").containsSubsequence(SERVER).endsWith("-D", "db1");
    assertThat(job.env()).isEqualTo(Map.of("MYSQL_PWD", "secret"));
  }

  @Test
  void thePasswordIsNeverOnACommandLine() {
    for (DbJob job : List.of(mysql.console(ENV, List.of()), mysql.dump(ENV), mysql.restore(ENV))) {
      assertThat(job.args()).noneMatch(arg -> arg.contains("secret"));
    }
  }

  @Test
  void aRestoreThatStoppedAtAnErrorFailed() {
    assertThat(mysql.restoreFinished(0)).isTrue();
    assertThat(mysql.restoreFinished(1)).isFalse();
  }
}
