package flynn.host;

import java.nio.file.Path;

/**
 * How a host daemon runs: its id, where it keeps state (jobs, logs, the recovery file), where it
 * listens (port 0 picks a free one), discoverd's URL (null: no registration) and the cluster key
 * (null: no authentication).
 */
public record HostConfig(
    String hostId, Path stateDir, String bindHost, int port, String discoverdUrl, String key) {}
