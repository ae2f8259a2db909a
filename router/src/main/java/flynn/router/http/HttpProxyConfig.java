package flynn.router.http;

import java.time.Duration;

/**
 * Limits of the HTTP proxy.
 *
 * @param headerTimeout how long a client may take to send a request's headers
 * @param idleTimeout how long a connection may stay without reads or writes
 * @param connectTimeout how long to wait for a backend to accept, before trying another
 * @param backendIdleTimeout how long an idle pooled backend connection is kept
 * @param maxIdlePerBackend idle connections kept per backend and event loop
 * @param maxInitialLineLength longest request line; longer is 414
 * @param maxHeaderSize largest request header block; larger is 431
 */
public record HttpProxyConfig(
    Duration headerTimeout,
    Duration idleTimeout,
    Duration connectTimeout,
    Duration backendIdleTimeout,
    int maxIdlePerBackend,
    int maxInitialLineLength,
    int maxHeaderSize) {

  public static HttpProxyConfig defaults() {
    return new HttpProxyConfig(
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(2),
        Duration.ofSeconds(90),
        64,
        8192,
        16384);
  }

  public HttpProxyConfig withHeaderTimeout(Duration d) {
    return new HttpProxyConfig(
        d,
        idleTimeout,
        connectTimeout,
        backendIdleTimeout,
        maxIdlePerBackend,
        maxInitialLineLength,
        maxHeaderSize);
  }
}
