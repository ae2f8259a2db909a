package flynn.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.NewJob;
import flynn.cli.jobs.AttachedJob.Tty;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DbJobTest {
  private static final DbJob DUMP = new DbJob(List.of("pg_dump"), Map.of("PGUSER", "u1"));

  @Test
  void runsInTheStackAloneWithoutTheAppsReleaseOrLog() {
    NewJob job = DUMP.attached("stack-artifact", Optional.empty());

    assertThat(job.release()).isNull();
    assertThat(job.artifacts()).containsExactly("stack-artifact");
    assertThat(job.releaseEnv()).isFalse();
    assertThat(job.disableLog()).isTrue();
    assertThat(job.args()).containsExactly("pg_dump");
    assertThat(job.env()).isEqualTo(Map.of("PGUSER", "u1"));
  }

  @Test
  void withoutATerminalTheJobGetsPipes() {
    NewJob job = DUMP.attached("s", Optional.empty());

    assertThat(job.tty()).isFalse();
    assertThat(job.columns()).isNull();
    assertThat(job.lines()).isNull();
  }

  @Test
  void onATerminalTheJobGetsATtyOfItsSizeAndType() {
    NewJob job = DUMP.attached("s", Optional.of(new Tty(40, 120, "xterm-256color")));

    assertThat(job.tty()).isTrue();
    assertThat(job.columns()).isEqualTo(120);
    assertThat(job.lines()).isEqualTo(40);
    assertThat(job.env())
        .containsEntry("COLUMNS", "120")
        .containsEntry("LINES", "40")
        .containsEntry("TERM", "xterm-256color")
        .containsEntry("PGUSER", "u1");
  }

  @Test
  void theResourcesOwnVariablesWinOverThePagerDefaults() {
    DbJob job = new DbJob(List.of("psql"), Map.of("PAGER", "cat")).withPager();

    assertThat(job.env()).containsEntry("PAGER", "cat").containsKey("LESS");
  }
}
