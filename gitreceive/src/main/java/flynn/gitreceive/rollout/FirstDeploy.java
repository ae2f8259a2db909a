package flynn.gitreceive.rollout;

import flynn.api.controller.Release;
import java.util.Map;

/**
 * Flynn's first deploy: an app that runs nothing yet and whose new release has a {@code web} type
 * gets {@code web=1}, and the push waits until it is up.
 */
public final class FirstDeploy {
  public static final String WEB = "web";

  private FirstDeploy() {}

  /**
   * @param currentCounts the process counts of the app's current release (empty when none)
   */
  public static boolean scalesWeb(Release next, Map<String, Integer> currentCounts) {
    boolean runsNothing = currentCounts.values().stream().allMatch(n -> n == null || n <= 0);
    return runsNothing && next.processes() != null && next.processes().containsKey(WEB);
  }
}
