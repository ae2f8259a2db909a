package flynn.cli.limit;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.host.ResourceSpec;
import flynn.api.host.Resources;
import flynn.cli.CliException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource limits in Flynn's CLI syntax: {@code memory=256MB cpu=500 max_fd=4096 max_procs=100
 * temp_disk=1GB}. Byte sizes take binary units (256MB is 256 MiB, as Flynn's did), the others
 * decimal ones (2k is 2000). Pure.
 */
public final class ResourceLimits {
  private static final Pattern SIZE =
      Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kKmMgGtTpP])?([iI])?[bB]?$");
  private static final String UNITS = "kmgtp";
  private static final List<String> BYTE_UNITS = List.of("B", "kB", "MB", "GB", "TB", "PB");

  private ResourceLimits() {}

  /** {@code type=value} arguments, by type. */
  public static Map<String, Long> parse(List<String> pairs) {
    Map<String, Long> limits = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new CliException("invalid resource limit: \"" + pair + "\" (want TYPE=VALUE)");
      }
      String type = pair.substring(0, eq);
      if (!Resources.isKnown(type)) {
        throw new CliException(
            "invalid resource limit type: \""
                + type
                + "\" (use "
                + String.join(", ", Resources.TYPES)
                + ")");
      }
      limits.put(type, value(type, pair.substring(eq + 1)));
    }
    return limits;
  }

  static long value(String type, String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new CliException("invalid resource limit value: \"" + text + "\" for " + type);
    }
    long base = Resources.isBytes(type) ? 1024 : 1000;
    int power =
        m.group(2) == null ? 0 : UNITS.indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1;
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(base).pow(power));
    long value = bytes.longValue();
    if (value <= 0) {
      throw new CliException("invalid resource limit value: \"" + text + "\": must be positive");
    }
    return value;
  }

  /** Flynn's display: bytes in binary units with up to 4 significant digits, others as numbers. */
  public static String format(String type, long value) {
    if (!Resources.isBytes(type)) {
      return Long.toString(value);
    }
    BigDecimal size = BigDecimal.valueOf(value);
    int unit = 0;
    BigDecimal step = BigDecimal.valueOf(1024);
    while (size.compareTo(step) >= 0 && unit < BYTE_UNITS.size() - 1) {
      size = size.divide(step, MathContext.DECIMAL64);
      unit++;
    }
    return size.round(new MathContext(4)).stripTrailingZeros().toPlainString()
        + BYTE_UNITS.get(unit);
  }

  /** {@code cpu=1000 max_fd=10000 memory=1GB}: the limits that are set, by type name. */
  public static List<String> describe(Map<String, ResourceSpec> resources) {
    Map<String, ResourceSpec> sorted = new TreeMap<>(resources == null ? Map.of() : resources);
    return sorted.entrySet().stream()
        .filter(e -> e.getValue() != null && e.getValue().limit() != null)
        .map(e -> e.getKey() + "=" + format(e.getKey(), e.getValue().limit()))
        .toList();
  }

  /**
   * The next release: a copy of {@code current} whose process type {@code proc} has the limits set
   * (request = limit, as Flynn sets them) over its current or default resources. Id and time are
   * cleared.
   */
  public static Release apply(Release current, String proc, Map<String, Long> limits) {
    if (current == null || current.processes() == null || !current.processes().containsKey(proc)) {
      throw new CliException(
          "process type \""
              + proc
              + "\" is not in the app's release"
              + (current == null || current.processes() == null
                  ? ""
                  : " (types: "
                      + String.join(", ", new TreeMap<>(current.processes()).keySet())
                      + ")"));
    }
    ProcessType type = current.processes().get(proc);
    Map<String, ResourceSpec> resources = Resources.withDefaults(type.resources());
    limits.forEach((name, value) -> resources.put(name, ResourceSpec.of(value)));
    Map<String, ProcessType> processes = new LinkedHashMap<>(current.processes());
    processes.put(proc, type.withResources(resources));
    return new Release(
        null, null, current.artifacts(), current.env(), current.meta(), processes, null, null);
  }
}
