package flynn.host.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.host.ContainerConfig;
import flynn.api.host.HostJob;
import flynn.host.run.ProcessRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
  @TempDir Path dir;

  private static RunningRecord record(String id) {
    ContainerConfig config =
        new ContainerConfig(
            List.of("sleep", "9"),
            null,
            null,
            Map.of("A", "1"),
            List.of(),
            null,
            null,
            null,
            null,
            null);
    return new RunningRecord(
        new HostJob(id, Map.of(HostJob.META_APP, "app1"), null, null, config, null),
        new ProcessRef(123, 123, 456789),
        OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void savedJobsLoadBack() {
    StateFile file = new StateFile(dir);

    file.save(List.of(record("j1"), record("j2")));

    assertThat(new StateFile(dir).load()).containsExactly(record("j1"), record("j2"));
    assertThat(dir.resolve(StateFile.NAME + ".tmp")).doesNotExist();
  }

  @Test
  void noFileMeansNoJobs() {
    assertThat(new StateFile(dir).load()).isEmpty();
  }

  @Test
  void aSaveReplacesTheWholeList() {
    StateFile file = new StateFile(dir);
    file.save(List.of(record("j1")));

    file.save(List.of());

    assertThat(file.load()).isEmpty();
  }

  @Test
  void aCorruptFileIsAnErrorThatSaysWhatToDo() throws IOException {
    Files.writeString(dir.resolve(StateFile.NAME), "{not json");

    assertThatThrownBy(() -> new StateFile(dir).load())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("remove it");
  }
}
