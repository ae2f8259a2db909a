package flynn.host.runc;

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

  private static boolean isLoopbackResolver(String line) {
    String[] fields = line.split("\\s+");
    return fields[0].equals("nameserver")
        && fields.length > 1
        && (fields[1].startsWith("127.") || fields[1].equals("::1"));
  }
}
