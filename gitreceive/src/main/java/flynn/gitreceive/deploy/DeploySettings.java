package flynn.gitreceive.deploy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How pushes are deployed.
 *
 * @param workDir where builds keep their files while they run (removed after each)
 * @param domain the cluster domain, for the app's URL ({@code http://<app>.<domain>:<port>})
 * @param httpPort the router's HTTP port
 * @param scaleTimeout how long to wait for processes to be up unless the app sets deploy_timeout
 */
public record DeploySettings(Path workDir, String domain, int httpPort, Duration scaleTimeout) {
  public String appUrl(String app) {
    return "http://" + app + "." + domain + (httpPort == 80 ? "" : ":" + httpPort);
  }
}
