package flynn.appliances.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresTuningTest {
  private static final long MB = 1L << 20;

  @ParameterizedTest(name = "{0} MB: shared_buffers {1}, cache {2}, connections {3}, work_mem {4}")
  @CsvSource({
    "256,   64MB,    192MB,   100, 983kB,   64MB",
    "1024,  256MB,   768MB,   100, 3932kB,  64MB",
    "4096,  1024MB,  3072MB,  256, 6144kB,  256MB",
    "8192,  2048MB,  6144MB,  500, 6291kB,  512MB",
    "65536, 16384MB, 49152MB, 500, 50331kB, 2048MB"
  })
  void settingsFollowTheMemoryLimit(
      long mb,
      String sharedBuffers,
      String cache,
      String connections,
      String workMem,
      String maintenance) {
    var settings = new PostgresTuning(mb * MB).settings();

    assertThat(settings)
        .containsEntry("shared_buffers", sharedBuffers)
        .containsEntry("effective_cache_size", cache)
        .containsEntry("max_connections", connections)
        .containsEntry("work_mem", workMem)
        .containsEntry("maintenance_work_mem", maintenance);
  }

  @ParameterizedTest
  @CsvSource({"128", "256", "1024", "3000", "4096", "8192", "65536"})
  void everyConnectionSortingTwiceAtOnceFitsBesideTheSharedBuffers(long mb) {
    var t = new PostgresTuning(mb * MB);
    long worstCase = t.sharedBuffersMb() * MB + t.maxConnections() * 2L * t.workMemKb() * 1024;
    assertThat(worstCase).isLessThanOrEqualTo(mb * MB);
    assertThat(t.maxConnections()).isGreaterThanOrEqualTo(100);
  }

  @Test
  void settingsReachTheServerAsDashCArguments() {
    assertThat(new PostgresTuning(1024 * MB).args())
        .startsWith("-c", "max_connections=100", "-c", "shared_buffers=256MB")
        .contains("max_wal_size=4GB", "checkpoint_completion_target=0.9");
  }

  @Test
  void aLimitTooSmallForAServerIsRefusedWithTheReason() {
    assertThatThrownBy(() -> new PostgresTuning(64 * MB))
        .hasMessage("postgres needs a memory limit of at least 128 MB, not 64 MB");
  }
}
