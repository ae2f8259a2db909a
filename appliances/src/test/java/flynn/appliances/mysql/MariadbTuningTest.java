package flynn.appliances.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MariadbTuningTest {
  private static final long MB = 1L << 20;

  @Test
  void halfOfMemoryIsTheBufferPool() {
    assertThat(new MariadbTuning(1024 * MB).args())
        .containsExactly(
            "--innodb-buffer-pool-size=512M",
            "--innodb-log-file-size=128M",
            "--innodb-flush-log-at-trx-commit=1",
            "--innodb-flush-method=O_DIRECT",
            "--max-connections=128",
            "--tmp-table-size=16M",
            "--max-heap-table-size=16M");
  }

  @Test
  void theRedoLogAndConnectionsStayWithinBounds() {
    var big = new MariadbTuning(64L * 1024 * MB);
    assertThat(big.logFileMb()).isEqualTo(2048);
    assertThat(big.maxConnections()).isEqualTo(1000);
    var small = new MariadbTuning(256 * MB);
    assertThat(small.logFileMb()).isEqualTo(48);
    assertThat(small.maxConnections()).isEqualTo(100);
    assertThatThrownBy(() -> new MariadbTuning(128 * MB)).hasMessageContaining("at least 256 MB");
  }
}
