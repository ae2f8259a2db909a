package flynn.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {
  @TempDir Path tmp;

  @Test
  void clusterKeyIsMadeOnceKeptPrivateAndReadBack() throws Exception {
    StateDir state = new StateDir(tmp.resolve("state"));
    state.create();

    String key = state.clusterKey();

    assertThat(key).matches("[0-9a-f]{64}");
    assertThat(new StateDir(tmp.resolve("state")).clusterKey()).isEqualTo(key);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(state.resolve("cluster-key"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.root())))
        .isEqualTo("rwx------");
  }

  @Test
  void hostIdIsStableAcrossRestarts() {
    StateDir state = new StateDir(tmp);
    state.create();
    String id = state.hostId();

    assertThat(id).matches("host[0-9a-f]{12}");
    assertThat(new StateDir(tmp).hostId()).isEqualTo(id);
  }
}
