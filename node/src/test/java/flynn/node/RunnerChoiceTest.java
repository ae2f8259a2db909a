package flynn.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.node.RunnerChoice.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerChoiceTest {
  private static final Optional<Path> RUNC = Optional.of(Path.of("/usr/sbin/runc"));

  @Test
  void rootWithRuncRunsContainersByDefault() {
    assertThat(RunnerChoice.choose(null, new Machine(true, RUNC))).isEqualTo(RunnerChoice.RUNC);
  }

  @Test
  void withoutRootOrWithoutRuncTheDefaultIsPlainProcesses() {
    assertThat(RunnerChoice.choose(null, new Machine(false, RUNC))).isEqualTo(RunnerChoice.PROCESS);
    assertThat(RunnerChoice.choose(null, new Machine(true, Optional.empty())))
        .isEqualTo(RunnerChoice.PROCESS);
  }

  @Test
  void processRunnerIsUsedWhenAskedForEvenWhereRuncWorks() {
    assertThat(RunnerChoice.choose(RunnerChoice.PROCESS, new Machine(true, RUNC)))
        .isEqualTo(RunnerChoice.PROCESS);
  }

  @Test
  void runcAskedForWithoutRootSaysRootIsNeeded() {
    assertThatThrownBy(() -> RunnerChoice.choose(RunnerChoice.RUNC, new Machine(false, RUNC)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs root")
        .hasMessageContaining("--runner process");
  }

  @Test
  void runcAskedForWithoutTheBinarySaysHowToInstallIt() {
    assertThatThrownBy(
            () -> RunnerChoice.choose(RunnerChoice.RUNC, new Machine(true, Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runc binary on the PATH")
        .hasMessageContaining("apt-get install runc");
  }

  @Test
  void onlyAnExecutableFileOnThePathCounts(@TempDir Path dir) throws IOException {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(plain.resolve("runc"), "not executable");
    Path runc = Files.writeString(bin.resolve("runc"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(runc, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(RunnerChoice.onPath("runc", plain.toString())).isEmpty();
    assertThat(RunnerChoice.onPath("runc", plain + ":" + bin)).contains(runc);
    assertThat(RunnerChoice.onPath("runc", null)).isEmpty();
  }
}
