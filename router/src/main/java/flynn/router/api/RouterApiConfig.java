package flynn.router.api;

import java.time.Duration;

/**
 * How the router's API listens.
 *
 * @param bindHost the address it binds (keep it off job networks: the host firewall only opens the
 *     router's proxy ports to jobs)
 * @param port its port (0 picks a free one; discoverd tells clients where it is)
 * @param key the cluster key clients authenticate with
 * @param maxWait the longest a drain wait may be asked to last
 */
public record RouterApiConfig(String bindHost, int port, String key, Duration maxWait) {

  public static RouterApiConfig of(String bindHost, int port, String key) {
    return new RouterApiConfig(bindHost, port, key, Duration.ofSeconds(30));
  }
}
