package flynn.appliances.redis;

import java.util.List;

/**
 * redis-server's memory settings for a job with {@code memory} bytes: three quarters for data, the
 * rest for the copy-on-write of an append-only file rewrite and buffers; writes refused when full
 * rather than keys evicted, since a resource is a database, not a cache.
 */
public record RedisTuning(long memory) {
  private static final long MB = 1L << 20;

  public RedisTuning {
    if (memory < 64 * MB) {
      throw new IllegalArgumentException(
          "redis needs a memory limit of at least 64 MB, not " + memory / MB + " MB");
    }
  }

  public long maxMemory() {
    return memory / 4 * 3;
  }

  public List<String> args() {
    return List.of("--maxmemory", Long.toString(maxMemory()), "--maxmemory-policy", "noeviction");
  }
}
