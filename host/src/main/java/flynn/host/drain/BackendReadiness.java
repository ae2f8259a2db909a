package flynn.host.drain;

import java.time.Duration;

/**
 * Waits, before a job registered in discoverd is reported up, until the routers send requests to
 * its address.
 */
public interface BackendReadiness {
  /**
   * Returns once every router that routes {@code service} has {@code addr} as a live backend, or
   * once {@code timeout} passes (then false); never throws for an unreachable router.
   */
  boolean await(String jobId, String service, String addr, Duration timeout);

  /** No routers to wait for. */
  BackendReadiness NONE = (jobId, service, addr, timeout) -> true;
}
