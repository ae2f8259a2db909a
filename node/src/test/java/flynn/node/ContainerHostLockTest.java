package flynn.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerHostLockTest {
  @TempDir Path dir;

  @Test
  void aSecondHolderIsRefusedWithWhoHoldsItUntilTheFirstLetsGo() throws IOException {
    Path file = dir.resolve("containers.lock");
    try (ContainerHostLock first = ContainerHostLock.acquire(file, Path.of("/var/lib/a"))) {
      assertThat(first).isNotNull();
      assertThatThrownBy(() -> ContainerHostLock.acquire(file, Path.of("/var/lib/b")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("state dir /var/lib/a")
          .hasMessageContaining("--runner process");
    }
    try (ContainerHostLock again = ContainerHostLock.acquire(file, Path.of("/var/lib/b"))) {
      assertThat(again).isNotNull();
    }
  }
}
