package flynn.host.runc;

import java.util.List;
import java.util.stream.Collectors;

/** The resolv.conf a job gets: the host's, minus resolvers on the host's loopback. */
final class ResolvConf {
  private ResolvConf() {}

  static String forJob(String hostResolvConf) {
    String lines =
        hostResolvConf
            .lines()
            .map(String::strip)
            .filter(line ->
                line.startsWith("nameserver")
                    || line.startsWith("search")
                    || line.startsWith("options"))
            .filter(line -> !isLoopbackResolver(line))
            .collect(Collectors.joining("\n"));
    return lines.isEmpty() ? "" : lines + "\n";
  }

  /** True when the file names at least one resolver a job can reach (not on the loopback). */
  static boolean hasReachableResolver(String resolvConf) {
    return forJob(resolvConf).lines().anyMatch(line -> line.startsWith("nameserver"));
  }

  /** The host's search and options lines with {@code nameservers} instead of its resolvers. */
  static String withResolvers(String hostResolvConf, List<String> nameservers) {
    String rest =
        forJob(hostResolvConf)
            .lines()
            .filter(line -> !line.startsWith("nameserver"))
            .collect(Collectors.joining("\n"));
    String resolvers =
        nameservers.stream().map(ns -> "nameserver " + ns).collect(Collectors.joining("\n"));
    String text = rest.isEmpty() ? resolvers : resolvers + "\n" + rest;
    return text.isEmpty() ? "" : text + "\n";
  }

  private static boolean isLoopbackResolver(String line) {
    String[] fields = line.split("\\s+");
    return fields[0].equals("nameserver")
        && fields.length > 1
        && (fields[1].startsWith("127.") || fields[1].equals("::1"));
  }
}
