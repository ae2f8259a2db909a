package flynn.appliances.mysql;

import static flynn.appliances.platform.MemoryLimit.MB;

import flynn.appliances.platform.MemoryLimit;
import java.util.List;

/**
 * MariaDB's settings for a job with {@code memory} bytes: half for the InnoDB buffer pool, a redo
 * log a quarter of it, connections by memory, in-memory temporary tables bounded; commits flushed
 * at each transaction (durable), data files written past the OS cache.
 */
public record MariadbTuning(long memory) {

  public MariadbTuning {
    MemoryLimit.requireAtLeast("mysql", memory, 256);
  }

  public long bufferPoolMb() {
    return memory / 2 / MB;
  }

  /** A quarter of the buffer pool, between 48 MB and 2 GB. */
  public long logFileMb() {
    return Math.clamp(bufferPoolMb() / 4, 48, 2048);
  }

  /** One connection per 8 MB, between 100 and 1000. */
  public int maxConnections() {
    return Math.clamp(memory / MB / 8, 100, 1000);
  }

  /** A sixty-fourth of memory, at least 16 MB. */
  public long tmpTableMb() {
    return Math.max(16, memory / 64 / MB);
  }

  public List<String> args() {
    return List.of(
        "--innodb-buffer-pool-size=" + bufferPoolMb() + "M",
        "--innodb-log-file-size=" + logFileMb() + "M",
        "--innodb-flush-log-at-trx-commit=1",
        "--innodb-flush-method=O_DIRECT",
        "--max-connections=" + maxConnections(),
        "--tmp-table-size=" + tmpTableMb() + "M",
        "--max-heap-table-size=" + tmpTableMb() + "M");
  }
}
