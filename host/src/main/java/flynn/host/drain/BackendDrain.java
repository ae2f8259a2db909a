package flynn.host.drain;

import java.time.Duration;
import java.util.List;

/**
 * Waits, before a job that served in discoverd is signalled, until the routers send its addresses
 * no new requests and have none in flight to them.
 */
public interface BackendDrain {
  /**
   * Returns once every router reports each of {@code addrs} drained, or once {@code timeout}
   * passes; never throws for an unreachable router (the stop goes on).
   */
  void await(String jobId, List<String> addrs, Duration timeout);

  /** No routers to wait for. */
  BackendDrain NONE = (jobId, addrs, timeout) -> {};
}
