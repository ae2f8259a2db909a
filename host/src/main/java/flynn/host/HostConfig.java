package flynn.host;

import flynn.host.jobs.Jobs;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a host daemon runs: its id, where it keeps state (jobs, logs, the recovery file), where it
 * listens (port 0 picks a free one), discoverd's URL (null: no registration), the cluster key
 * (null: no authentication), and how long stopping a routed job waits at most for the routers to
 * drain it.
 */
public record HostConfig(
    String hostId,
    Path stateDir,
    String bindHost,
    int port,
    String discoverdUrl,
    String key,
    Duration drainTimeout) {

  /** With the default drain timeout (10 s, Flynn's). */
  public HostConfig(
      String hostId, Path stateDir, String bindHost, int port, String discoverdUrl, String key) {
    this(hostId, stateDir, bindHost, port, discoverdUrl, key, Jobs.DRAIN_TIMEOUT);
  }
}
