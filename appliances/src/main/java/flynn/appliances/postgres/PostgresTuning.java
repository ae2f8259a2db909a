package flynn.appliances.postgres;

import static flynn.appliances.platform.MemoryLimit.MB;

import flynn.appliances.platform.MemoryLimit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's settings for a job with {@code memory} bytes: a quarter for shared buffers, the
 * planner told the rest is cache, connections and per-query memory sized so that a full set of busy
 * connections still fits, and WAL and checkpoints spread out for write load. The server gets them
 * as {@code -c name=value} arguments.
 */
public record PostgresTuning(long memory) {
  private static final int MIN_CONNECTIONS = 100;
  private static final int MAX_CONNECTIONS = 500;

  public PostgresTuning {
    MemoryLimit.requireAtLeast("postgres", memory, 128);
  }

  public long sharedBuffersMb() {
    return memory / 4 / MB;
  }

  public long effectiveCacheSizeMb() {
    return memory * 3 / 4 / MB;
  }

  /** One connection per 16 MB, between 100 and 500. */
  public int maxConnections() {
    return Math.clamp(memory / MB / 16, MIN_CONNECTIONS, MAX_CONNECTIONS);
  }

  /**
   * What is left after shared buffers, split over every connection running two sorts or hashes at
   * once, so even then the job stays within its limit (at least PostgreSQL's minimum, 64 kB).
   */
  public long workMemKb() {
    long rest = memory - sharedBuffersMb() * MB;
    return Math.max(64, rest / 1024 / (maxConnections() * 2L));
  }

  /** A sixteenth of memory for VACUUM and index builds, between 64 MB and 2 GB. */
  public long maintenanceWorkMemMb() {
    return Math.clamp(memory / 16 / MB, 64, 2048);
  }

  public Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("max_connections", Integer.toString(maxConnections()));
    s.put("shared_buffers", sharedBuffersMb() + "MB");
    s.put("effective_cache_size", effectiveCacheSizeMb() + "MB");
    s.put("work_mem", workMemKb() + "kB");
    s.put("maintenance_work_mem", maintenanceWorkMemMb() + "MB");
    s.put("wal_buffers", "16MB");
    s.put("min_wal_size", "512MB");
    s.put("max_wal_size", "4GB");
    s.put("checkpoint_timeout", "15min");
    s.put("checkpoint_completion_target", "0.9");
    s.put("wal_compression", "on");
    s.put("random_page_cost", "1.1");
    s.put("effective_io_concurrency", "200");
    s.put("huge_pages", "off");
    return s;
  }

  /** The settings as the server's {@code -c name=value} arguments. */
  public List<String> args() {
    List<String> args = new ArrayList<>();
    settings().forEach((name, value) -> args.addAll(List.of("-c", name + "=" + value)));
    return List.copyOf(args);
  }
}
