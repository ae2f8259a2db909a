package flynn.node;

import flynn.router.net.Transport;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code flynn-host up} was asked for, resolved once from flags and the environment.
 *
 * @param flynnrc the CLI config file the cluster entry is written to
 * @param runner how the host daemon runs jobs
 * @param stackDir where the stack images jobs run in are built and kept
 * @param buildStack whether the build stack ({@code git push} builds run in it) is built in the
 *     background once the cluster is ready, when it is missing
 * @param gitPort gitreceive's direct port (it is also routed at {@code git.<domain>})
 * @param routerApiPort the router API's port (0: a free one; hosts find it in discoverd)
 * @param routerTransport the router's socket transport
 * @param drainTimeout how long stopping a routed job waits at most for the routers to drain it
 */
public record NodeConfig(
    Path stateDir,
    String domain,
    String clusterName,
    int controllerPort,
    int httpPort,
    int httpsPort,
    Path flynnrc,
    RunnerChoice runner,
    Path stackDir,
    boolean buildStack,
    int gitPort,
    int routerApiPort,
    Transport routerTransport,
    Duration drainTimeout) {

  /** The controller URL written to the CLI config and printed when ready. */
  public String controllerUrl() {
    return "http://127.0.0.1:" + controllerPort;
  }

  /** Where {@code git push} will go once gitreceive runs behind the router. */
  public String gitUrl() {
    return "http://git." + domain + ":" + httpPort;
  }
}
