package flynn.appliances.platform;

import java.util.List;

/**
 * An appliance app as the platform runs it: one process type of one job with a service, a port, a
 * persistent {@code /data} volume and a memory limit, started by {@code args} in a stack image.
 *
 * @param app the app's name, e.g. {@code postgres} or {@code redis-<id>}
 * @param stack the stack image the server is installed in
 * @param memory the job's memory limit in bytes
 */
public record ApplianceSpec(
    String app,
    String processType,
    String service,
    int port,
    String stack,
    List<String> args,
    long memory) {
  public static final long DEFAULT_MEMORY = 1L << 30;
  public static final String DATA_PATH = "/data";

  public ApplianceSpec {
    args = List.copyOf(args);
  }
}
