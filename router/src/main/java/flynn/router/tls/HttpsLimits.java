package flynn.router.tls;

import java.time.Duration;

/**
 * Limits of the HTTPS listener beyond those of the HTTP proxy behind it.
 *
 * @param handshakeTimeout how long a client may take for its TLS handshake (from the first byte)
 * @param idleTimeout how long an HTTP/2 connection may stay without streams and traffic
 * @param maxHeaderListSize largest HTTP/2 request header list; larger is 431
 * @param maxConcurrentStreams HTTP/2 streams a client may have open at once
 */
public record HttpsLimits(
    Duration handshakeTimeout,
    Duration idleTimeout,
    int maxHeaderListSize,
    long maxConcurrentStreams) {
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
  public static final long DEFAULT_MAX_CONCURRENT_STREAMS = 256;
}
