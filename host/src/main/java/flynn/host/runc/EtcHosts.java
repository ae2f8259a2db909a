package flynn.host.runc;

/**
 * The /etc/hosts a job gets: loopback and its own hostname at its own IP, so looking up its own
 * name (Python's http.server does, before it listens) needs no DNS, which a job may not reach.
 */
final class EtcHosts {
  private EtcHosts() {}

  static String forJob(String ip, String hostname) {
    return "127.0.0.1\tlocalhost\n"
        + "::1\tlocalhost ip6-localhost ip6-loopback\n"
        + ip
        + "\t"
        + hostname
        + "\n";
  }
}
