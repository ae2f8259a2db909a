package flynn.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverPostmasterTest {
  @TempDir Path dataDir;

  @Test
  void noPidFileMeansNoLeftover() throws Exception {
    assertThat(LeftoverPostmaster.find(dataDir)).isEmpty();
  }

  @Test
  void aLiveProcessThatIsNotOurPostgresIsNeverTakenForIt() throws Exception {
    // this JVM is alive, but its command line names neither postgres nor the data dir
    Files.writeString(
        dataDir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dataDir + "\n");
    assertThat(LeftoverPostmaster.find(dataDir)).isEmpty();
  }

  @Test
  void aGarbledPidFileIsIgnored() throws Exception {
    Files.writeString(dataDir.resolve("postmaster.pid"), "not a pid\n");
    assertThat(LeftoverPostmaster.find(dataDir)).isEmpty();
  }
}
