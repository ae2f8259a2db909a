package flynn.host.run;

import flynn.api.host.ResourceSpec;
import java.util.Map;

/**
 * A job's resource limits in Flynn's units: memory in bytes, cpu in milli-cpus (1000 = one core),
 * the open-file limit and the process limit ({@code maxProcs} 0 means unlimited).
 */
public record JobLimits(long memoryBytes, long cpuMilli, long maxFd, long maxProcs) {
  public static final long DEFAULT_MEMORY = 1L << 30;
  public static final long DEFAULT_CPU_MILLI = 1000;
  public static final long DEFAULT_MAX_FD = 10_000;

  public JobLimits {
    if (memoryBytes <= 0 || cpuMilli <= 0 || maxFd <= 0 || maxProcs < 0) {
      throw new IllegalArgumentException(
          "job limits must be positive: memory=%d cpu=%d max_fd=%d max_procs=%d"
              .formatted(memoryBytes, cpuMilli, maxFd, maxProcs));
    }
  }

  public static JobLimits defaults() {
    return new JobLimits(DEFAULT_MEMORY, DEFAULT_CPU_MILLI, DEFAULT_MAX_FD, 0);
  }

  /**
   * Reads Flynn's resource map ({@code memory}, {@code cpu}, {@code max_fd}, {@code max_procs}).
   */
  public static JobLimits of(Map<String, ResourceSpec> resources) {
    Map<String, ResourceSpec> r = resources == null ? Map.of() : resources;
    return new JobLimits(
        value(r, "memory", DEFAULT_MEMORY),
        value(r, "cpu", DEFAULT_CPU_MILLI),
        value(r, "max_fd", DEFAULT_MAX_FD),
        value(r, "max_procs", 0));
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
