package flynn.host.run;

import flynn.api.host.ResourceSpec;
import java.util.Map;

/**
 * A job's resource limits in Flynn's units: memory in bytes, cpu in milli-cpus (1000 = one core),
 * the open-file limit, the process limit ({@code maxProcs} 0 means unlimited) and the size of its
 * writable temp disk in bytes (Flynn's {@code temp_disk}, 100 MiB by default as in Flynn).
 */
public record JobLimits(
    long memoryBytes, long cpuMilli, long maxFd, long maxProcs, long tempDiskBytes) {
  public static final long DEFAULT_MEMORY = 1L << 30;
  public static final long DEFAULT_CPU_MILLI = 1000;
  public static final long DEFAULT_MAX_FD = 10_000;
  public static final long DEFAULT_TEMP_DISK = 100L << 20;

  public JobLimits {
    if (memoryBytes <= 0 || cpuMilli <= 0 || maxFd <= 0 || maxProcs < 0 || tempDiskBytes <= 0) {
      throw new IllegalArgumentException(
          "job limits must be positive: memory=%d cpu=%d max_fd=%d max_procs=%d temp_disk=%d"
              .formatted(memoryBytes, cpuMilli, maxFd, maxProcs, tempDiskBytes));
    }
  }

  /** With the default temp disk. */
  public JobLimits(long memoryBytes, long cpuMilli, long maxFd, long maxProcs) {
    this(memoryBytes, cpuMilli, maxFd, maxProcs, DEFAULT_TEMP_DISK);
  }

  public static JobLimits defaults() {
    return new JobLimits(DEFAULT_MEMORY, DEFAULT_CPU_MILLI, DEFAULT_MAX_FD, 0, DEFAULT_TEMP_DISK);
  }

  /**
   * Reads Flynn's resource map ({@code memory}, {@code cpu}, {@code max_fd}, {@code max_procs},
   * {@code temp_disk}).
   */
  public static JobLimits of(Map<String, ResourceSpec> resources) {
    Map<String, ResourceSpec> r = resources == null ? Map.of() : resources;
    return new JobLimits(
        value(r, "memory", DEFAULT_MEMORY),
        value(r, "cpu", DEFAULT_CPU_MILLI),
        value(r, "max_fd", DEFAULT_MAX_FD),
        value(r, "max_procs", 0),
        value(r, "temp_disk", DEFAULT_TEMP_DISK));
  }

  private static long value(Map<String, ResourceSpec> resources, String name, long fallback) {
    ResourceSpec spec = resources.get(name);
    if (spec == null) {
      return fallback;
    }
    Long value = spec.limit() != null ? spec.limit() : spec.request();
    return value == null || value <= 0 ? fallback : value;
  }
}
