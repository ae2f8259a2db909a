package flynn.appliances.redis;

import flynn.appliances.platform.MemoryLimit;
import java.util.List;

/**
 * redis-server's memory settings for a job with {@code memory} bytes: three quarters for data, the
 * rest for the copy-on-write of an append-only file rewrite and buffers; writes refused when full
 * rather than keys evicted, since a resource is a database, not a cache.
 */
public record RedisTuning(long memory) {

  public RedisTuning {
    MemoryLimit.requireAtLeast("redis", memory, 64);
  }

  public long maxMemory() {
    return memory / 4 * 3;
  }

  public List<String> args() {
    return List.of("--maxmemory", Long.toString(maxMemory()), "--maxmemory-policy", "noeviction");
  }
}
