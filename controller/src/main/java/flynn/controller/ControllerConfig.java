package flynn.controller;

/**
 * How to run a controller.
 *
 * @param bindHost the address the HTTP API listens on
 * @param port the HTTP port, 0 for any free one
 * @param jdbcUrl the PostgreSQL database holding the controller's state
 * @param key the cluster key clients authenticate with (HTTP Basic, empty user)
 * @param domain the cluster domain (apps are served at {@code <app>.<domain>})
 * @param discoverdUrl discoverd's HTTP API, where hosts ({@code flynn-host}) are found
 * @param caCertPem the cluster CA certificate (PEM) served at {@code /ca-cert}, or null for none
 */
public record ControllerConfig(
    String bindHost,
    int port,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    String key,
    String domain,
    String discoverdUrl,
    String caCertPem) {

  @Override
  public String toString() {
    return "ControllerConfig[bindHost=%s, port=%d, jdbcUrl=%s, dbUser=%s, domain=%s, discoverdUrl=%s]"
        .formatted(bindHost, port, jdbcUrl, dbUser, domain, discoverdUrl);
  }
}
