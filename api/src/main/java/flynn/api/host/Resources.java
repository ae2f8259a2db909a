package flynn.api.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flynn's job resource types and their defaults: memory and temp disk in bytes, cpu in milli-cpus
 * (1000 = one core, 1024 cpu shares), max_fd one more than the highest file descriptor, max_procs
 * the process count (no default: unlimited).
 */
public final class Resources {
  public static final String MEMORY = "memory";
  public static final String CPU = "cpu";
  public static final String TEMP_DISK = "temp_disk";
  public static final String MAX_FD = "max_fd";
  public static final String MAX_PROCS = "max_procs";

  /** Every type, in the order Flynn documents them. */
  public static final List<String> TYPES = List.of(MEMORY, CPU, TEMP_DISK, MAX_FD, MAX_PROCS);

  private static final Map<String, Long> DEFAULTS =
      Map.of(MEMORY, 1L << 30, CPU, 1000L, TEMP_DISK, 100L << 20, MAX_FD, 10_000L);

  private Resources() {}

  public static boolean isKnown(String type) {
    return TYPES.contains(type);
  }

  /** True for the types measured in bytes. */
  public static boolean isBytes(String type) {
    return MEMORY.equals(type) || TEMP_DISK.equals(type);
  }

  /**
   * {@code resources} (null: none) with every defaulted type that has no limit given its default,
   * and every request that is missing set to its limit, as Flynn's controller stores them.
   */
  public static Map<String, ResourceSpec> withDefaults(Map<String, ResourceSpec> resources) {
    Map<String, ResourceSpec> out = new LinkedHashMap<>();
    if (resources != null) {
      out.putAll(resources);
    }
    DEFAULTS.forEach((type, value) -> out.putIfAbsent(type, new ResourceSpec(null, null)));
    out.replaceAll((type, spec) -> {
      Long limit = spec.limit() != null ? spec.limit() : DEFAULTS.get(type);
      return new ResourceSpec(spec.request() != null ? spec.request() : limit, limit);
    });
    return out;
  }
}
