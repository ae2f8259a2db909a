package flynn.api.controller;

import java.util.Optional;

/** The progress line a client prints for a deployment event, as the CLI and git push show it. */
public final class DeployProgress {
  private DeployProgress() {}

  /** {@code -----> web job up} for a job event; empty for status events (callers say those). */
  public static Optional<String> line(DeploymentEvent event) {
    if (event.jobType() == null || event.jobState() == null) {
      return Optional.empty();
    }
    return Optional.of("-----> " + event.jobType() + " job " + event.jobState());
  }

  /** The reason of a failed deployment event, with a fallback when the deployer gave none. */
  public static String failure(DeploymentEvent event) {
    return event.error() == null || event.error().isBlank()
        ? "deployment " + event.deployment() + " failed"
        : event.error();
  }
}
