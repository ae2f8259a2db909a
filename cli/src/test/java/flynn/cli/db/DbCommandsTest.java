package flynn.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.cli.CliRun;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

class DbCommandsTest {
  @TempDir Path dir;

  @Test
  void psqlTakesEverythingAfterTheDoubleDashAsItsArguments() {
    ConsoleCommand psql =
        parse(pg(), ConsoleCommand.class, "psql", "--", "-c", "CREATE EXTENSION hstore");

    assertThat(psql.arguments).containsExactly("-c", "CREATE EXTENSION hstore");
  }

  @Test
  void pgRestoreTakesFlynnsFlags() {
    PgRestoreCommand restore =
        parse(pg(), PgRestoreCommand.class, "restore", "-q", "-j", "8", "-f", "db.dump");

    assertThat(restore.jobs).isEqualTo(8);
    assertThat(restore.dumpFile.quiet).isTrue();
    assertThat(restore.dumpFile.file).isEqualTo(Path.of("db.dump"));
  }

  @Test
  void pgRestoreUsesOneJobByDefaultAndReadsStdin() {
    PgRestoreCommand restore = parse(pg(), PgRestoreCommand.class, "restore");

    assertThat(restore.jobs).isEqualTo(1);
    assertThat(restore.dumpFile.file).isNull();
  }

  @Test
  void dumpWritesToStdoutUnlessGivenAFile() {
    assertThat(parse(mysql(), DumpCommand.class, "dump").dumpFile.file).isNull();
    assertThat(parse(mysql(), DumpCommand.class, "dump", "--file", "x.sql").dumpFile.file)
        .isEqualTo(Path.of("x.sql"));
  }

  @Test
  void mysqlRestoreHasNoParallelJobs() {
    assertThatThrownBy(() -> mysql().parseArgs("restore", "-j", "2"))
        .isInstanceOf(UnmatchedArgumentException.class);
  }

  @Test
  void helpSaysWhatFlynnsDid() {
    CommandLine pg = pg();

    assertThat(pg.getSubcommands().get("dump").getUsageMessage())
        .contains("Dump a postgres database. If file is not specified, will dump to stdout.")
        .contains("name of dump file")
        .contains("don't print progress");
    assertThat(pg.getSubcommands().get("restore").getUsageMessage())
        .contains("number of pg_restore jobs to use [default: 1]");
    assertThat(pg.getUsageMessage()).contains("flynn pg restore -j 8 -f db.dump");
    CommandLine redis = DbCommands.redis(null, InputStream.nullInputStream());
    assertThat(redis.getSubcommands()).containsOnlyKeys("redis-cli");
    assertThat(redis.getSubcommands().get("redis-cli").getUsageMessage())
        .contains("Usage: redis redis-cli");
  }

  @Test
  void theCommandWordAloneIsAUsageError() {
    CliRun.Result result = CliRun.flynn(dir, "http://127.0.0.1:9", "-a", "demo", "pg");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required subcommand").contains("flynn help pg");
  }

  private static CommandLine pg() {
    return DbCommands.pg(null, InputStream.nullInputStream());
  }

  private static CommandLine mysql() {
    return DbCommands.mysql(null, InputStream.nullInputStream());
  }

  private static <T> T parse(CommandLine cl, Class<T> type, String... args) {
    ParseResult result = cl.parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return type.cast(result.commandSpec().userObject());
  }
}
