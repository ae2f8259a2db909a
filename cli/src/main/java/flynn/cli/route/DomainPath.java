package flynn.cli.route;

import flynn.cli.CliException;

/** {@code DOMAIN[/path]} as {@code flynn route add http} takes it: {@code example.com/api/}. */
record DomainPath(String domain, String path) {
  static DomainPath parse(String arg) {
    if (arg.contains("://")) {
      throw new CliException(
          "give the domain without a scheme, such as example.com or example.com/path/, not " + arg);
    }
    int slash = arg.indexOf('/');
    if (slash == 0) {
      throw new CliException("a route needs a domain before its path, such as example.com" + arg);
    }
    return slash < 0
        ? new DomainPath(arg, null)
        : new DomainPath(arg.substring(0, slash), arg.substring(slash));
  }
}
