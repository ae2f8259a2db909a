package flynn.host.runc;

import java.io.IOException;

/**
 * The job bridge, made before any job needs it when a server of the host must listen on its gateway
 * address (discoverd's DNS for jobs); the runner makes it on demand otherwise.
 */
public final class JobBridge {
  private JobBridge() {}

  /** Creates the bridge with the gateway address unless it exists. */
  public static void ensure(NetworkConfig network) throws IOException {
    new JobNetwork(network).ensureBridge();
  }
}
